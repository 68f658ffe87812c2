using System.Globalization;
using System.Text.Json;
using Dashboard.Tests.Browser.Accessibility;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The pages in Chromium over the hand-computed fixture (see <see cref="Integration.Analytics.AnalyticsFixture"/>).</summary>
[Collection(BrowserCollection.Name)]
public sealed class OverviewPageTests(BrowserAppFixture app)
{
    private static async Task Screenshot(IPage page, string name)
    {
        if (BrowserAppFixture.ScreenshotFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    [Fact]
    public async Task TheOverviewDrawsItsFourChartsWithTheNumbersOfTheData()
    {
        var page = await app.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/");
        await Ui.WaitForChartsAsync(page, 4);

        // Orders a day, 6 June .. 1 July: O1, O2, O3 (6-8 June), O4 (13), O7 (14), O5 (19), O6 (1 July).
        Assert.Equal([1.0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
            Ys((await Ui.DrawnAsync(page, "over-time"))[0]));
        // Orders by weekday, Monday first: O1, O4; O2, O7; O3; -; O6; -; O5.
        Assert.Equal([2.0, 2, 1, 0, 1, 0, 1], Ys((await Ui.DrawnAsync(page, "weekdays"))[0]));
        // Revenue (INR, not cancelled) by category, the largest first: 500 + 1200.50 + 600; 800 + 399.50; 900.
        var categories = (await Ui.DrawnAsync(page, "categories"))[0];
        Assert.Equal(["Set", "kurta", "Western Dress"], Xs(categories));
        Assert.Equal([2300.5, 1199.5, 900], Ys(categories));
        // Both months partial. Average order value: 3800 / 4 orders with sales (O1 O2 O4 O5), 600 / 1 (O6); revenue a
        // day: 3800 / 25 days (6-30 June), 600 / 1.
        var months = await Ui.DrawnAsync(page, "months");
        Assert.Equal(["Jun 2022*", "Jul 2022*"], Xs(months[0]));
        Assert.Equal([950.0, 600], Ys(months[0]));
        Assert.Equal([152.0, 600], Ys(months[1]));
        Assert.Equal("7", (await page.Locator("[data-kpi=orders] .kpi-tile__value").InnerTextAsync()).Trim());
        Assert.Empty(errors);
        await Screenshot(page, "overview");
    }

    [Fact]
    public async Task AFilterInTheLinkIsAppliedToEveryChart()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/?state=MAHARASHTRA");
        await Ui.WaitForChartsAsync(page, 4);

        // Lines 1, 2, 5, 6: O1 on Monday 6 June, O4 on Monday 13 June; the days shown are still the data's.
        Assert.Equal([1.0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            Ys((await Ui.DrawnAsync(page, "over-time"))[0]));
        Assert.Equal([2.0, 0, 0, 0, 0, 0, 0], Ys((await Ui.DrawnAsync(page, "weekdays"))[0]));
        // Set 500 + 1200.50; kurta 399.50 (line 2 is cancelled); no Western Dress in MAHARASHTRA.
        var categories = (await Ui.DrawnAsync(page, "categories"))[0];
        Assert.Equal(["Set", "kurta"], Xs(categories));
        Assert.Equal([1700.5, 399.5], Ys(categories));
        // June: 2100 / 2 orders with sales, 2100 / 25 days; July: no order with sales (no average), nothing a day.
        var months = await Ui.DrawnAsync(page, "months");
        Assert.Equal([1050.0, null], Ys(months[0]));
        Assert.Equal([84.0, 0], Ys(months[1]));
        Assert.Equal("2", (await page.Locator("[data-kpi=orders] .kpi-tile__value").InnerTextAsync()).Trim());
        Assert.Contains("state=MAHARASHTRA", page.Url);
    }

    private static string[] Xs(JsonElement trace) => trace.GetProperty("x").EnumerateArray().Select(x => x.GetString() ?? "").ToArray();

    private static double?[] Ys(JsonElement trace) =>
        trace.GetProperty("y").EnumerateArray().Select(y => y.ValueKind == JsonValueKind.Null ? (double?)null : y.GetDouble()).ToArray();

    [Fact]
    public async Task TheForecastIsDrawnAfterTheLastDayWithItsBandsFilled()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Ui.WaitForChartsAsync(page, 4);
        var chart = page.Locator("[data-chart=over-time]");
        // The 95% and 80% bands are fills between their ends; the forecast starts the day after the last.
        Assert.True(await chart.Locator("path.js-fill").CountAsync() >= 2);
        var drawn = await Ui.DrawnAsync(page, "over-time");
        var forecast = drawn.EnumerateArray().Last(t => t.GetProperty("x").GetArrayLength() == 14);
        Assert.Equal("2022-07-02", Xs(forecast)[0]);
    }

    [Fact]
    public async Task SwitchingFromDaysToWeeksChangesTheSeries()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Ui.WaitForChartsAsync(page, 4);
        Assert.Equal(26, (await Ui.DrawnAsync(page, "over-time"))[0].GetProperty("x").GetArrayLength()); // 6 June .. 1 July

        await Ui.MarkAsync(page, "over-time");
        await page.Locator("[data-card=over-time] [data-control=grain]").GetByText("Week", new() { Exact = true }).ClickAsync();
        await Ui.WaitForRedrawAsync(page, "over-time");

        var weeks = (await Ui.DrawnAsync(page, "over-time"))[0];
        Assert.Equal(["2022-06-06", "2022-06-13", "2022-06-20", "2022-06-27"], weeks.GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal([3.0, 3, 0, 1], weeks.GetProperty("y").EnumerateArray().Select(y => y.GetDouble()));
        Assert.Contains("grain=week", page.Url);
    }

    [Fact]
    public async Task ClickingACategoryBarFiltersTheOtherChartsAndTheUrl()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Ui.WaitForChartsAsync(page, 4);
        Assert.Equal([2.0, 2, 1, 0, 1, 0, 1], (await Ui.DrawnAsync(page, "weekdays"))[0].GetProperty("y").EnumerateArray().Select(y => y.GetDouble()));

        await Ui.MarkAsync(page, "weekdays");
        var bar = page.Locator("[data-chart=categories] .barlayer .point").First; // "Set": the largest revenue
        await bar.ScrollIntoViewIfNeededAsync();
        var box = await bar.BoundingBoxAsync() ?? throw new InvalidOperationException("no bar");
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height - 5);
        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height - 5);
        await Ui.WaitForRedrawAsync(page, "weekdays");

        Assert.Contains("category=Set", page.Url);
        // Orders of the Set lines by weekday: Mon O1,O4; Tue O7; Wed O3; Fri O6.
        Assert.Equal([2.0, 1, 1, 0, 1, 0, 0], (await Ui.DrawnAsync(page, "weekdays"))[0].GetProperty("y").EnumerateArray().Select(y => y.GetDouble()));
        Assert.Equal("5", (await page.Locator("[data-kpi=orders] .kpi-tile__value").InnerTextAsync()).Trim());
        // The category chart keeps all its bars, so the user can add or remove categories.
        Assert.Equal(3, (await Ui.DrawnAsync(page, "categories"))[0].GetProperty("x").GetArrayLength());
        await Screenshot(page, "overview-category-set");
    }

    [Fact]
    public async Task TheCsvDownloadHoldsTheNumbersOfTheApiAndThePngIsAnImage()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/orders?category=Set");
        await Ui.WaitForChartsAsync(page, 4);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-card=weekdays] [data-action=csv]").ClickAsync());
        Assert.Equal("weekday-volume.csv", download.SuggestedFilename);
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());

        var api = JsonDocument.Parse(await app.Http.GetStringAsync(app.BaseUrl + "/api/orders/weekdays?category=Set")).RootElement;
        Assert.Equal("weekday,orders,units,revenue_INR,selected", csv[0]);
        Assert.Equal(api.GetArrayLength(), csv.Length - 1);
        foreach (var (row, day) in csv.Skip(1).Zip(api.EnumerateArray()))
        {
            var cells = row.Split(',');
            Assert.Equal(day.GetProperty("name").GetString(), cells[0]);
            Assert.Equal(day.GetProperty("orders").GetInt32(), int.Parse(cells[1], CultureInfo.InvariantCulture));
            Assert.Equal(day.GetProperty("units").GetInt64(), long.Parse(cells[2], CultureInfo.InvariantCulture));
            Assert.Equal(day.GetProperty("revenue").GetDecimal(), decimal.Parse(cells[3], CultureInfo.InvariantCulture));
        }

        var png = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-card=weekdays] [data-action=png]").ClickAsync());
        Assert.Equal("weekdays.png", png.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await png.PathAsync());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    [Fact]
    public async Task TheWeeklyReviewAndThePurchasesPageDrawTheirCharts()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/weekly?week=2022-06-13");
        await Ui.WaitForChartsAsync(page, 5);
        Assert.Equal(3, (await Ui.DrawnAsync(page, "week-days")).GetArrayLength()); // this week, the week before, four weeks earlier
        Assert.Contains("13 Jun 2022", await page.Locator("h1 + p").InnerTextAsync());
        await Screenshot(page, "weekly");

        await page.GotoAsync("/purchases");
        await Ui.WaitForChartsAsync(page, 8);  // histogram + seven breakdowns
        var byAge = (await Ui.DrawnAsync(page, "by-age"))[0];
        Assert.Equal(["18-25", "26-35", "36-45"], byAge.GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        await Screenshot(page, "purchases");
    }

    [Fact]
    public async Task ChoosingTheDriversKpiAndDimensionRedrawsTheWaterfallAndKeepsTheChoiceInTheAddress()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/weekly?week=2022-06-13");
        await Ui.WaitForChartsAsync(page, 5);
        // Orders by category (the default), 3 orders each week: Western Dress +1 (O5), kurta -1 (O2), Set 0 (O1 and O3
        // before, O4 and O7 after; O1 and O4 tie between Set and kurta and count for Set).
        var orders = (await Ui.DrawnAsync(page, "week-drivers"))[0];
        Assert.Equal(["Western Dress", "kurta", "Set", "Change"], Xs(orders));
        Assert.Equal([1.0, -1, 0, 0], Ys(orders));

        await Ui.MarkAsync(page, "week-drivers");
        await Ui.ChooseAsync(page, "[data-control=driver-kpi]", "Revenue");
        await Ui.WaitForQueryAsync(page, ("kpi", "revenue"), ("week", "2022-06-13"));
        await Ui.WaitForRedrawAsync(page, "week-drivers");
        await Ui.MarkAsync(page, "week-drivers");
        await Ui.ChooseAsync(page, "[data-control=driver-by]", "State");
        await Ui.WaitForQueryAsync(page, ("kpi", "revenue"), ("by", "state"));
        await Ui.WaitForRedrawAsync(page, "week-drivers");

        // INR revenue not cancelled, 2500 against 1300: MAHARASHTRA 1600 (O4) - 500 (O1 A), DELHI 900 (O5) - 0,
        // KARNATAKA 0 - 800 (O2); GOA's only line (O7) is in USD and adds nothing to rupees.
        var revenue = (await Ui.DrawnAsync(page, "week-drivers"))[0];
        Assert.Equal(["MAHARASHTRA", "DELHI", "KARNATAKA", "Change"], Xs(revenue));
        Assert.Equal([1100.0, 900, -800, 1200], Ys(revenue));
        Assert.Contains("Revenue", await page.Locator("[data-card=week-drivers] [data-control=driver-kpi]").InnerTextAsync());

        // The choice is in the address: a reload (or the link sent on) shows the same breakdown.
        await page.ReloadAsync();
        await Ui.WaitForChartsAsync(page, 5);
        Assert.Equal(["MAHARASHTRA", "DELHI", "KARNATAKA", "Change"], Xs((await Ui.DrawnAsync(page, "week-drivers"))[0]));
    }

    [Theory]
    [InlineData("/", 4)]
    [InlineData("/weekly", 5)]
    [InlineData("/purchases", 8)]
    public async Task APhoneWideViewportNeedsNoHorizontalScrolling(string path, int charts)
    {
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync(path);
        await Ui.WaitForChartsAsync(page, charts);
        var overflow = await page.EvaluateAsync<int[]>(@"() => {
            const body = document.querySelector('.mud-main-content') ?? document.body;
            return [document.documentElement.scrollWidth - window.innerWidth, body.scrollWidth - body.clientWidth];
        }");
        Assert.Equal([0, 0], overflow);
        await Screenshot(page, "phone" + path.Replace('/', '-'));
    }

    [Fact]
    public async Task OnAPhoneTheFiltersFoldAwaySoTheKpisAndTheFirstChartAreOnTheFirstScreen()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync("/");
        await Ui.WaitForChartsAsync(page, 4);

        Assert.False(await page.Locator("[data-filter=category]").IsVisibleAsync());
        var kpis = await page.Locator("[data-kpi=cancellation]").BoundingBoxAsync() ?? throw new InvalidOperationException("no KPI");
        var chart = await page.Locator("[data-chart=over-time]").BoundingBoxAsync() ?? throw new InvalidOperationException("no chart");
        Assert.True(kpis.Y + kpis.Height <= 844, $"the last KPI ends at {kpis.Y + kpis.Height}");
        Assert.True(chart.Y < 844 - 100, $"the first chart starts at {chart.Y}");

        await page.Locator("[data-action=filters]").ClickAsync();
        await page.Locator("[data-filter=category]").WaitForAsync();
        Assert.True(await page.Locator("[data-filter=state]").IsVisibleAsync());
    }

    [Fact]
    public async Task APhoneThatSaysSoGetsTheFiltersAndTheMenuRenderedWhenItOpensThem()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Sec-CH-UA-Mobile"] = "?1" }); // as Chrome on Android sends it
        await page.GotoAsync("/");
        await page.Locator(".mud-layout[data-circuit=up]").WaitForAsync(new() { Timeout = 20000 });

        // Neither the filter fields nor the drawer's links are on the page (prerendered or live) until the reader asks.
        Assert.Equal(0, await page.Locator("[data-filter]").CountAsync());
        Assert.Equal(0, await page.Locator(".mud-nav-link").CountAsync());
        Assert.Empty(await Axe.ViolationsAsync(page, "overview on a phone"));

        await page.Locator("[data-action=filters]").ClickAsync();
        await page.Locator("[data-filter=category]").WaitForAsync();
        Assert.True(await page.Locator("[data-filter=state]").IsVisibleAsync());

        await page.Locator("[data-action=menu]").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Weekly review" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/weekly", StringComparison.Ordinal));
        // The reader has turned to the page: the card on the screen is whole at once, its chart drawn by plotly. The page
        // was not prerendered: its first frames are drawn from markup, none waits to be taken back.
        await page.Locator("[data-card=week-drivers][data-near=true] [data-chart].js-plotly-plot").WaitForAsync(new() { Timeout = 20000 });
        Assert.Equal(0, await page.Locator("dash-first-frame").CountAsync());
        Assert.Equal(1, await page.Locator("[data-card=state-movers] .chart-card__plot > svg[data-first-frame]").CountAsync());
    }

    [Fact]
    public async Task OnAPhoneACardIsItsPictureUntilTheReaderHasTurnedToThePageAndIsNearIt()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Sec-CH-UA-Mobile"] = "?1" });
        await page.GotoAsync("/weekly");
        await page.Locator(".mud-layout[data-circuit=up]").WaitForAsync(new() { Timeout = 20000 });

        // Every card is its heading, first frame and summary; none has its tools, table or plotly chart yet.
        var cards = page.Locator("[data-card]");
        Assert.Equal(5, await cards.CountAsync());
        Assert.Equal(5, await page.Locator("[data-card][data-near=false]").CountAsync());
        // The first frames are the prerendered ones, taken back rather than rebuilt, and described by the live summaries.
        Assert.Equal(5, await page.Locator("[data-card] dash-first-frame > svg[data-first-frame]").CountAsync());
        Assert.Equal(5, await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('svg[data-first-frame]')].filter(s => document.getElementById(s.getAttribute('aria-describedby'))?.matches('figcaption[data-summary]')).length"));
        Assert.Equal(5, await page.Locator("[data-card] figcaption[data-summary]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-action=data-table]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-chart]").CountAsync());
        Assert.Equal("Orders per day", await page.Locator("[data-card=week-days] h2").InnerTextAsync());
        Assert.Empty(await Axe.ViolationsAsync(page, "weekly review on a phone, before the reader turns to it"));

        // The reader turns to the page: the card on the screen becomes whole and plotly draws it; the last stays a picture.
        await Ui.TurnToAsync(page);
        await page.Locator("[data-card=week-drivers][data-near=true] [data-chart].js-plotly-plot").WaitForAsync(new() { Timeout = 20000 });
        Assert.Equal("false", await page.Locator("[data-card=state-movers]").GetAttributeAsync("data-near"));

        // Another week is another picture: a card still far from the screen draws its new first frame from markup.
        var before = await page.Locator("[data-card=state-movers] svg[data-first-frame]").InnerHTMLAsync();
        await page.Locator("[data-action=previous-week]").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("week=", StringComparison.Ordinal));
        var redrawn = page.Locator("[data-card=state-movers][data-near=false] .chart-card__plot > svg[data-first-frame]");
        await redrawn.WaitForAsync();
        Assert.NotEqual(before, await redrawn.InnerHTMLAsync());

        // Scrolled to, the last card becomes whole too, and its table opens.
        await page.Locator("[data-card=state-movers]").ScrollIntoViewIfNeededAsync();
        var last = page.Locator("[data-card=state-movers][data-near=true]");
        await last.Locator("[data-chart].js-plotly-plot").WaitForAsync(new() { Timeout = 20000 });
        await last.Locator("[data-action=data-table]").ClickAsync();
        await last.Locator("table.chart-table tbody tr").First.WaitForAsync();
        Assert.Empty(await Axe.ViolationsAsync(page, "weekly review on a phone, the last card whole"));
    }

    [Fact]
    public async Task TheDarkThemeIsKeptAcrossPagesAndTheChartsFollowIt()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Ui.WaitForChartsAsync(page, 4);
        Assert.Equal("#ffffff", await PaperColour(page, "weekdays"));

        await Ui.MarkAsync(page, "weekdays");
        await page.Locator("[data-action=theme]").ClickAsync();
        await Ui.WaitForRedrawAsync(page, "weekdays");
        Assert.Equal("#1b2129", await PaperColour(page, "weekdays"));
        Assert.Equal("dark", await page.Locator("[data-action=theme]").GetAttributeAsync("data-theme"));

        // The choice is the browser's: the next page is rendered dark by the server, before any script runs.
        await page.GotoAsync("/weekly?week=2022-06-13");
        await Ui.WaitForChartsAsync(page, 5);
        Assert.Equal("#1b2129", await PaperColour(page, "week-days"));
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(18, 22, 28)", background);
        await Screenshot(page, "weekly-dark");

        await page.Locator("[data-action=theme]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-action=theme]').dataset.theme === 'light'");
    }

    private static Task<string> PaperColour(IPage page, string chart) =>
        page.EvaluateAsync<string>("c => document.querySelector(`[data-chart=\"${c}\"]`)._fullLayout.paper_bgcolor", chart);
}
