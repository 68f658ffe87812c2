using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
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
    public async Task TheOverviewDrawsFourCharts()
    {
        var page = await app.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        var clock = Stopwatch.StartNew();
        await page.GotoAsync("/");
        await Ui.WaitForChartsAsync(page, 4);
        Console.WriteLine($"Overview: four charts drawn {clock.ElapsedMilliseconds} ms after navigation (first visit)");
        clock.Restart();
        await page.ReloadAsync();
        await Ui.WaitForChartsAsync(page, 4);
        Console.WriteLine($"Overview: four charts drawn {clock.ElapsedMilliseconds} ms after navigation (reload)");

        Assert.Empty(errors);
        Assert.Equal("7", (await page.Locator("[data-kpi=orders] .kpi-tile__value").InnerTextAsync()).Trim());
        await Screenshot(page, "overview");
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
        await Ui.WaitForChartsAsync(page, 4);
        Assert.Equal(3, (await Ui.DrawnAsync(page, "week-days")).GetArrayLength()); // this week, the week before, four weeks earlier
        Assert.Contains("13 Jun 2022", await page.Locator("h1 + p").InnerTextAsync());
        await Screenshot(page, "weekly");

        await page.GotoAsync("/purchases");
        await Ui.WaitForChartsAsync(page, 8);  // histogram + seven breakdowns
        var byAge = (await Ui.DrawnAsync(page, "by-age"))[0];
        Assert.Equal(["18-25", "26-35", "36-45"], byAge.GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        await Screenshot(page, "purchases");
    }

    [Theory]
    [InlineData("/", 4)]
    [InlineData("/weekly", 4)]
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
        await Ui.WaitForChartsAsync(page, 4);
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
