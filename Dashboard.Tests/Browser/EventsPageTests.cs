using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// An event marked on the Events page is drawn on the overview's time chart, labelled in the theme's text colour in both
/// themes, described in the chart's note and listed in its data table.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EventsPageTests(BrowserAppFixture app)
{
    [Fact]
    public async Task AnEventMarkedOnTheEventsPageIsDrawnAndListedOnTheOverviewsTimeChart()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/events");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.FillAsync("[data-field=label]", "Sale week");
        await page.FillAsync("[data-field=start]", "2022-06-13");
        await page.FillAsync("[data-field=end]", "2022-06-15");
        await page.ClickAsync("[data-action=add-event]");
        await page.Locator("[data-event='Sale week']").WaitForAsync();
        try
        {
            await page.GotoAsync("/");
            await Ui.WaitForChartsAsync(page, 4);

            var chart = page.Locator("[data-chart=over-time]");
            Assert.Equal("Sale week", (await chart.Locator(".annotation-text").TextContentAsync())!.Trim());
            Assert.Equal(1, await chart.Locator(".shapelayer path").CountAsync());
            Assert.Equal("rgb(42, 52, 65)", await TextColour(page));
            Assert.Contains("grey shading events over several days", await page.Locator("[data-card=over-time]").InnerTextAsync(), StringComparison.Ordinal);

            await page.Locator("[data-card=over-time] [data-action=data-table]").ClickAsync();
            var rows = page.Locator("[data-table=over-time] tbody tr");
            await rows.First.WaitForAsync();
            var listed = await rows.Filter(new() { HasText = "Sale week" }).AllInnerTextsAsync();
            Assert.Equal(3, listed.Count); // 13, 14 and 15 June

            await Ui.MarkAsync(page, "over-time");
            await page.Locator("[data-action=theme]").ClickAsync();
            await Ui.WaitForRedrawAsync(page, "over-time");
            Assert.Equal("rgb(227, 232, 239)", await TextColour(page));
            await page.Locator("[data-action=theme]").ClickAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('[data-action=theme]').dataset.theme === 'light'");
        }
        finally
        {
            var events = await app.Http.GetFromJsonAsync<JsonElement>("/api/events");
            var token = await TestUsers.ApiTokenAsync(app.Http);
            foreach (var e in events.EnumerateArray().Where(e => e.GetProperty("label").GetString() == "Sale week"))
            {
                using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/events/{e.GetProperty("id").GetInt64()}");
                delete.Headers.Add("X-CSRF-TOKEN", token);
                (await app.Http.SendAsync(delete)).EnsureSuccessStatusCode();
            }
        }
    }

    private static Task<string> TextColour(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('[data-chart=over-time] .annotation-text')).fill");
}
