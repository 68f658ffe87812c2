using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The overview's orders-over-time chart in each theme draws the forecast, its bands, the anomaly markers and the event's
/// span, each in a colour that keeps 3:1 against the chart's surface (WCAG 1.4.11; docs/decisions/0034-forecast-method-and-intervals.md).
/// </summary>
public sealed class ForecastThemePageTests(ForecastFixture fixture) : IClassFixture<ForecastFixture>
{
    [Theory]
    [InlineData("light", "#ffffff")]
    [InlineData("dark", "#1b2129")]
    public async Task TheForecastItsBandsTheAnomalyAndTheEventAreDrawnLegiblyInTheTheme(string theme, string surface)
    {
        var page = await fixture.App.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = "dashboard-theme", Value = theme, Url = fixture.App.BaseUrl }]);
        await page.GotoAsync("/");
        await Ui.WaitForChartsAsync(page, 4);
        var drawn = JsonDocument.Parse(await page.EvaluateAsync<string>("""
            () => {
              const c = document.querySelector('[data-chart="over-time"]');
              return JSON.stringify({
                surface: c._fullLayout.paper_bgcolor,
                traces: c._fullData.map(t => ({ name: t.name, x: t.x, mode: t.mode, fill: t.fill,
                  line: t.line ? { color: t.line.color, width: t.line.width } : null,
                  marker: t.marker ? { color: t.marker.color, symbol: t.marker.symbol, line: t.marker.line ? t.marker.line.color : null } : null })),
                shapes: c._fullLayout.shapes.map(s => ({ type: s.type, x0: s.x0, x1: s.x1, color: s.line.color, width: s.line.width })),
              });
            }
            """)).RootElement;
        Assert.Equal(surface, drawn.GetProperty("surface").GetString());
        var traces = drawn.GetProperty("traces").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);

        // The forecast: 14 days from the day after the last, a dashed line between band ends drawn as lines.
        var forecast = traces["Forecast"];
        Assert.Equal("2022-07-01", forecast.GetProperty("x")[0].GetString());
        Assert.Equal(14, forecast.GetProperty("x").GetArrayLength());
        AtLeast3To1(forecast.GetProperty("line").GetProperty("color").GetString()!, surface);
        var bandEnds = traces.Where(t => t.Key.Contains("range", StringComparison.Ordinal)).Select(t => t.Value).ToList();
        Assert.Equal(4, bandEnds.Count);
        Assert.Equal(2, bandEnds.Count(t => t.GetProperty("fill").GetString() == "tonexty"));
        Assert.All(bandEnds, t =>
        {
            Assert.True(t.GetProperty("line").GetProperty("width").GetDouble() >= 1);
            AtLeast3To1(t.GetProperty("line").GetProperty("color").GetString()!, surface);
        });

        // The anomaly: an open circle on Wed 8 June.
        var unusual = traces["Unusual"];
        Assert.Contains(ForecastFixture.Spike.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), unusual.GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("circle-open", unusual.GetProperty("marker").GetProperty("symbol").GetString());
        AtLeast3To1(unusual.GetProperty("marker").GetProperty("line").GetString()!, surface);

        // The event over 20–22 June: a span whose edges are drawn.
        var span = Assert.Single(drawn.GetProperty("shapes").EnumerateArray());
        Assert.Equal("rect", span.GetProperty("type").GetString());
        Assert.StartsWith("2022-06-20", span.GetProperty("x0").GetString());
        Assert.True(span.GetProperty("width").GetDouble() >= 1);
        AtLeast3To1(span.GetProperty("color").GetString()!, surface);
        Assert.Equal("Sale days", (await page.Locator("[data-chart=over-time] .annotation-text").TextContentAsync())!.Trim());
        Assert.Contains("grey shading events over several days", await page.Locator("[data-card=over-time]").InnerTextAsync(), StringComparison.Ordinal);

        if (BrowserAppFixture.ScreenshotFolder is { } folder)
        {
            await page.Locator("[data-card=over-time]").ScreenshotAsync(new() { Path = Path.Combine(folder, $"forecast-{theme}.png") });
        }
    }

    private static void AtLeast3To1(string colour, string surface)
    {
        var ratio = (Luminance(colour) is var a && Luminance(surface) is var b && a > b) ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05);
        Assert.True(ratio >= 3, $"{colour} on {surface}: {ratio:F2}:1");
    }

    /// <summary>The relative luminance (WCAG 2) of "#rrggbb" or "rgb(r, g, b)" / "rgba(r, g, b, a)" (the alpha is ignored).</summary>
    private static double Luminance(string colour)
    {
        var channels = colour.StartsWith('#')
            ? [Convert.ToInt32(colour[1..3], 16), Convert.ToInt32(colour[3..5], 16), Convert.ToInt32(colour[5..7], 16)]
            : colour[(colour.IndexOf('(') + 1)..colour.IndexOf(')')].Split(',').Take(3).Select(c => int.Parse(c.Trim(), CultureInfo.InvariantCulture)).ToArray();
        var linear = channels.Select(c => c / 255.0).Select(c => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4)).ToArray();
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }
}
