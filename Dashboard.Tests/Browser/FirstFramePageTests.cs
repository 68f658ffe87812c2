using Dashboard.Tests.Browser.Accessibility;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The charts' first frames (docs/decisions/0007-plotly-basic-bundle.md): the prerendered page holds a server-drawn SVG per
/// chart with the figure's bars and points, the page neither fetches nor evaluates plotly.js nor renders a plotly chart until
/// the reader turns to it, and then plotly draws the same figures and the first frames go.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstFramePageTests(BrowserAppFixture app)
{
    [Fact]
    public async Task ThePrerenderedOverviewHoldsAnSvgPerChartWithTheFiguresBarsAndPoints()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login"); // any page of the app, for its origin; the request below carries the cookie
        var html = await (await page.APIRequest.GetAsync("/")).TextAsync();
        await page.SetContentAsync(html.Replace("<script", "<script type=\"text/plain\"", StringComparison.Ordinal)); // the HTML alone: no script runs (the first type wins)

        Assert.Equal(["over-time", "weekdays", "categories", "months"], await Names(page));
        Assert.Equal(0, await page.Locator("[data-chart]").CountAsync());
        // Orders a day, 6 June .. 1 July: one point a day (the first line; the forecast follows it); a bar per weekday; the three categories; two months' bars and line.
        Assert.Equal(26, await Points(page, "over-time"));
        Assert.Equal(7, await page.Locator("[data-first-frame=weekdays] [data-bar]").CountAsync());
        Assert.Equal(3, await page.Locator("[data-first-frame=categories] [data-bar]").CountAsync());
        Assert.Equal(2, await page.Locator("[data-first-frame=months] [data-bar]").CountAsync());
        Assert.Equal(2, await Points(page, "months"));
        // The category with the most revenue has the tallest bar.
        var heights = await page.Locator("[data-first-frame=categories] [data-bar]").EvaluateAllAsync<double[]>("bs => bs.map(b => +b.getAttribute('height'))");
        Assert.Equal(heights.Max(), heights[0]);
        Assert.True(heights[0] > heights[2]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PlotlyWaitsForTheReaderAndThenReplacesEveryFirstFrame()
    {
        var page = await app.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var plotlyRequests = 0;
        page.Request += (_, r) => plotlyRequests += r.Url.Contains("/plotly-basic-", StringComparison.Ordinal) ? 1 : 0;
        await page.GotoAsync("/");
        await page.Locator(".mud-layout[data-circuit=up]").WaitForAsync(new() { Timeout = 20000 });
        await page.WaitForTimeoutAsync(500); // what the circuit's first renders would do on their own, they have done

        Assert.Equal(4, await page.Locator("svg[data-first-frame]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-chart]").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Plotly === 'undefined'"));
        Assert.Equal(0, plotlyRequests); // not even fetched: on a phone it would take the page's bandwidth
        Assert.Empty(await Axe.ViolationsAsync(page, "overview, first frames"));

        await Ui.WaitForChartsAsync(page, 4);
        Assert.True(plotlyRequests > 0);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-first-frame]') === null", null, new() { Timeout = 10000 });
        Assert.Equal([1.0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
            (await Ui.DrawnAsync(page, "over-time"))[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    private static async Task<IReadOnlyList<string>> Names(IPage page) =>
        await page.Locator("svg[data-first-frame]").EvaluateAllAsync<string[]>("fs => fs.map(f => f.dataset.firstFrame)");

    private static Task<int> Points(IPage page, string chart) =>
        page.Locator($"[data-first-frame={chart}] [data-line]").First.EvaluateAsync<int>("l => l.points.numberOfItems");
}
