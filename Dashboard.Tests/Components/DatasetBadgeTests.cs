using Bunit;
using Dashboard.Core;
using Dashboard.Core.Data;
using Dashboard.Tests.Support;
using Dashboard.Web.Components.Layout;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components;

/// <summary>The header's dataset badge over a real SQLite file.</summary>
public sealed class DatasetBadgeTests
{
    private static BunitContext WithStore(TempDatabase db)
    {
        var context = ComponentTest.Create();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Dashboard"] = db.ConnectionString }).Build();
        context.Services.AddDashboardCore(configuration, db.Folder);
        return context;
    }

    [Fact]
    public async Task AnImportedExportShowsAsRealDataWithItsLinesOrdersAndDates()
    {
        using var db = new TempDatabase();
        db.Import(new AmazonCsv()
            .Line("171-1", sku: "A-1", date: "04-30-22").Line("171-1", sku: "A-2", date: "04-30-22").Line("171-2", sku: "B-1", date: "05-02-22")
            .ToString());
        await using var context = WithStore(db);

        var badge = context.Render<DatasetBadge>();

        badge.WaitForAssertion(() => Assert.Equal("Real data", badge.Find("[data-kind]").TextContent.Trim()));
        Assert.Equal("real", badge.Find("[data-kind]").GetAttribute("data-kind"));
        Assert.Contains("Orders: 3 lines, 2 orders, 30 Apr 2022 – 2 May 2022", badge.Find("[data-dataset]").TextContent);
    }

    [Fact]
    public async Task TheBadgeFollowsAChangeOfTheStoredData()
    {
        using var db = new TempDatabase();
        await using var context = WithStore(db);
        var badge = context.Render<DatasetBadge>();
        badge.WaitForAssertion(() => Assert.Contains("Purchases: 0 rows", badge.Find("[data-dataset]").TextContent));
        Assert.DoesNotContain("Orders:", badge.Find("[data-dataset]").TextContent);

        db.Import(new AmazonCsv().Line("171-9", sku: "C-1").ToString());
        context.Services.GetRequiredService<DataVersion>().Bump();

        badge.WaitForAssertion(() => Assert.Contains("Orders: 1 lines, 1 orders", badge.Find("[data-dataset]").TextContent));
    }
}
