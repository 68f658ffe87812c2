using System.Globalization;
using Dashboard.Core.Analytics;
using Dashboard.Core.Data;
using Dashboard.Core.Display;
using Dashboard.Core.Orders;
using Dashboard.Tests.Integration.Analytics;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Integration.Display;

/// <summary>The default display culture, from the setting or else from the stored data's main currency.</summary>
public sealed class DisplayCultureDefaultTests
{
    private static readonly CultureInfo Server = CultureInfo.GetCultureInfo("en-GB");

    private static Task<CultureInfo> DefaultFor(string? configured, params (string? Currency, int Lines)[] lines) =>
        DefaultFor(StoreProvider.Sqlite, configured, lines);

    private static async Task<CultureInfo> DefaultFor(StoreProvider provider, string? configured, params (string? Currency, int Lines)[] lines)
    {
        using var database = new TempDatabase(provider: provider);
        await using (var db = database.Context())
        {
            var n = 0;
            foreach (var (currency, count) in lines)
            {
                for (var i = 0; i < count; i++, n++)
                {
                    db.OrderLines.Add(AnalyticsFixture.Line($"O{n}", "A", "2022-06-06", StatusGroup.Delivered, "Set", "GOA", "Amazon", "Amazon.in",
                        "Standard", 1, currency, currency is null ? null : 10000));
                }
            }
            await db.SaveChangesAsync();
        }
        var display = new DisplayCulture(Options.Create(new DisplayOptions { Culture = configured }),
            new DatasetSummaryQuery(database.Contexts(), database.Version), database.Version, Server);
        return await display.DefaultAsync();
    }

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.PostgreSql)]
    public async Task DataMostlyInRupeesIsShownInEnIn(StoreProvider provider) =>
        Assert.Equal("en-IN", (await DefaultFor(provider, null, ("INR", 3), ("USD", 2), (null, 4))).Name);

    [Fact]
    public async Task DataMostlyInAnotherCurrencyIsShownInTheServersCulture() =>
        Assert.Same(Server, await DefaultFor(null, ("INR", 1), ("USD", 2)));

    [Fact]
    public async Task WithoutDataTheServersCultureIsTheDefault() =>
        Assert.Same(Server, await DefaultFor(null));

    [Fact]
    public async Task TheSettingWinsOverTheData() =>
        Assert.Equal("de-DE", (await DefaultFor("de-DE", ("INR", 3))).Name);

    [Fact]
    public async Task TheDefaultFollowsTheDataWhenItChanges()
    {
        using var database = new TempDatabase();
        var display = new DisplayCulture(Options.Create(new DisplayOptions()),
            new DatasetSummaryQuery(database.Contexts(), database.Version), database.Version, Server);
        async Task Add(string currency, int lines)
        {
            await using var db = database.Context();
            db.OrderLines.AddRange(Enumerable.Range(0, lines).Select(i => AnalyticsFixture.Line($"{currency}{i}", "A", "2022-06-06",
                StatusGroup.Delivered, "Set", "GOA", "Amazon", "Amazon.in", "Standard", 1, currency, 10000)));
            await db.SaveChangesAsync();
            database.Version.Bump();
        }

        await Add("INR", 2);
        Assert.Equal("en-IN", (await display.DefaultAsync()).Name);
        await Add("USD", 3);
        Assert.Same(Server, await display.DefaultAsync());
    }

    [Fact]
    public void TheMenuOffersTheConfiguredTheIndianAndTheServersCultureOnce()
    {
        using var database = new TempDatabase();
        var display = new DisplayCulture(Options.Create(new DisplayOptions { Culture = "fr-CA" }),
            new DatasetSummaryQuery(database.Contexts(), database.Version), database.Version, CultureInfo.InvariantCulture);

        var names = display.Choices.Select(c => c.Name).ToList();
        Assert.Equal(["fr-CA", "en-IN", "en-US", "en-GB", "de-DE", "fr-FR"], names);
    }
}
