using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OverviewPageTests(BrowserAppFixture app)
{
    private const string Drawn = "[data-chart][data-revision]";

    private static Task<int> DrawnCharts(IPage page) => page.Locator(Drawn).CountAsync();

    private static async Task<JsonElement> ChartData(IPage page, string chart) =>
        JsonDocument.Parse(await page.EvaluateAsync<string>(
            $"() => JSON.stringify(document.querySelector('[data-chart=\"{chart}\"]').data.map(t => ({{ x: t.x, y: t.y }})))")).RootElement.Clone();

    private static async Task Screenshot(IPage page, string name)
    {
        if (BrowserAppFixture.ScreenshotFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    [Fact]
    public async Task TheOverviewDrawsFourChartsSoonAfterNavigation()
    {
        var page = await app.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.Response += (_, r) => { if (r.Status >= 400) errors.Add($"{r.Status} {r.Url}"); };
        var clock = Stopwatch.StartNew();
        await page.GotoAsync("/");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('{Drawn}').length === 4", null, new() { Timeout = 15000 });
        clock.Stop();
        Console.WriteLine($"Overview: four charts drawn {clock.ElapsedMilliseconds} ms after navigation");
        clock.Restart();
        await page.ReloadAsync();
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('{Drawn}').length === 4", null, new() { Timeout = 15000 });
        Console.WriteLine($"Overview (reload): four charts drawn {clock.ElapsedMilliseconds} ms after navigation");
        Console.WriteLine(string.Join("\n", errors));
        Console.WriteLine("newPlot timing: " + await page.EvaluateAsync<string>(@"async () => {
            const d = document.createElement('div'); d.style.width='500px'; d.style.height='300px'; document.body.appendChild(d);
            let t = performance.now(); await Plotly.newPlot(d, [{type:'bar', x:['a','b'], y:[1,2]}], {}); const a = performance.now() - t;
            t = performance.now(); await Plotly.newPlot(d, [{type:'bar', x:['a','b'], y:[1,3]}], {}, {responsive:true}); const b = performance.now() - t;
            t = performance.now(); await Plotly.react(d, [{type:'bar', x:['a','b'], y:[1,4]}], {}); const c = performance.now() - t;
            return JSON.stringify({a, b, c}); }"));
        Console.WriteLine(await page.EvaluateAsync<string>(@"() => JSON.stringify({
            nav: performance.getEntriesByType('navigation').map(n => ({ dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd })),
            res: performance.getEntriesByType('resource').filter(r => r.duration > 50).map(r => ({ n: r.name, s: Math.round(r.startTime), d: Math.round(r.duration), size: r.transferSize })),
            marks: performance.getEntriesByType('mark').map(m => m.name + '@' + Math.round(m.startTime)),
            now: Math.round(performance.now()) })"));
        Assert.Equal(4, await DrawnCharts(page));
        Assert.Empty(errors);
        await Screenshot(page, "overview");
    }
}
