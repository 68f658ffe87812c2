using Dashboard.Tests.Support;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>Chromium over a crore of rupees: tiles, axes, hovers and tables as an Indian reader writes them, and the menu's choice.</summary>
[TestDuration(25)]
public sealed partial class DisplayCulturePageTests(CroreFixture fixture) : IClassFixture<CroreFixture>
{
    [GeneratedRegex(@"^₹(0|\d+(\.\d+)? (Cr|L))$")]
    private static partial Regex CompactRupees();

    private static Task<int> LinesOf(ILocator element) =>
        element.EvaluateAsync<int>("e => { const r = document.createRange(); r.selectNodeContents(e); return r.getClientRects().length; }");

    [Fact]
    public async Task TheRevenueTileReadsInCroresOnOneLineWithTheFullValueOnHover()
    {
        var page = await fixture.App.NewPageAsync(width: 1280);
        await page.GotoAsync("/");
        await Ui.WaitForChartsAsync(page, 4);

        var tile = page.Locator("[data-kpi=revenue] .kpi-tile__value");
        Assert.Equal("₹7.86 Cr", (await tile.InnerTextAsync()).Trim());
        Assert.Equal("₹7,85,90,043.30", await tile.GetAttributeAsync("title"));
        Assert.Equal(1, await LinesOf(tile));
    }

    [Fact]
    public async Task TheCategoryAxisCountsInCroresAndItsHoverGivesTheFullAmount()
    {
        var page = await fixture.App.NewPageAsync();
        await page.GotoAsync("/");
        await Ui.WaitForChartsAsync(page, 4);
        var chart = page.Locator("[data-chart=categories]");

        var ticks = await chart.Locator(".ytick text").AllTextContentsAsync();
        Assert.Contains("₹1 Cr", ticks);
        Assert.All(ticks, t => Assert.Matches(CompactRupees(), t));

        var set = chart.Locator(".barlayer .point").First;
        await set.ScrollIntoViewIfNeededAsync();
        var box = await set.BoundingBoxAsync() ?? throw new InvalidOperationException("no bar");
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height - 3);
        var hover = chart.Locator(".hoverlayer .hovertext");
        await hover.WaitForAsync(new() { Timeout = 5000 });
        Assert.Contains("Revenue: ₹3,90,00,000.00", string.Join(" ", await hover.Locator("text, tspan").AllTextContentsAsync()));
    }

    [Fact]
    public async Task TheWeeklyTableGivesTheWeeksRevenueInFull()
    {
        var page = await fixture.App.NewPageAsync();
        await page.GotoAsync("/weekly");
        var revenue = page.Locator("[data-kpi-table] tr", new() { HasText = "Revenue" }).First.Locator("td").Nth(1);

        Assert.Equal("₹7,85,90,043.30", (await revenue.InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task AReaderWhoChoosesEnUsReadsMillionsFromThenOn()
    {
        var page = await fixture.App.NewPageAsync();
        await page.GotoAsync("/");
        await Ui.WaitForChartsAsync(page, 4);

        await page.Locator("[data-action=culture] button, button[data-action=culture]").First.ClickAsync();
        await page.Locator("[data-culture-choice=en-US]").ClickAsync();
        await page.Locator("[data-action=culture][data-culture=en-US], [data-culture=en-US] [data-action=culture]").First
            .WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 20000 });
        await Ui.WaitForChartsAsync(page, 4);

        var tile = page.Locator("[data-kpi=revenue] .kpi-tile__value");
        Assert.Equal("₹78.6M", (await tile.InnerTextAsync()).Trim());
        Assert.Equal("₹78,590,043.30", await tile.GetAttributeAsync("title"));
        Assert.Contains("₹10M", await page.Locator("[data-chart=categories] .ytick text").AllTextContentsAsync());

        await page.GotoAsync("/weekly");
        var revenue = page.Locator("[data-kpi-table] tr", new() { HasText = "Revenue" }).First.Locator("td").Nth(1);
        Assert.Equal("₹78,590,043.30", (await revenue.InnerTextAsync()).Trim());
    }
}
