using System.Net;
using Dashboard.Core.Analytics;
using Dashboard.Core.Orders;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web;

public class AppStartTests
{
    [Fact]
    public async Task OnAnEmptyDatabaseTheAppWritesSampleDataAndServesItsHomePage()
    {
        using var db = new TempDatabase(migrate: false);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:Dashboard", db.ConnectionString);
        });
        using var client = await factory.SignedInClientAsync();

        var home = await client.GetAsync("/");
        var script = await client.GetAsync("/_framework/blazor.web.js");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("<title>", await home.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        var stored = await factory.Services.GetRequiredService<DatasetSummaryQuery>().GetAsync();
        Assert.True(stored.Orders.IsSample);
        Assert.InRange(stored.Orders.Rows, 8_000, 14_000);
        Assert.True(stored.Purchases.IsSample);
        Assert.Equal(30_000, stored.Purchases.Rows);
        Assert.Equal(5_000, stored.PurchasesToScore.Rows);
    }

    [Fact]
    public async Task TheShippedStatusMappingInAppsettingsIsTheBuiltInOne()
    {
        // The mapping is in appsettings.json so that operators can edit it; shipped as it is, it must group exactly as
        // the built-in default does (a difference would regroup every stored line at the next start).
        using var db = new TempDatabase();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.UseSetting("ConnectionStrings:Dashboard", db.ConnectionString));

        var configured = factory.Services.GetRequiredService<StatusGroupMapping>();

        Assert.Equal(StatusGroupMapping.Default.Count, configured.Groups.Count);
        Assert.Equal(new StatusGroupMapping().Fingerprint(), configured.Fingerprint());
    }
}
