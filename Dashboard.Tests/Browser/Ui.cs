using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>What the tests read off the pages: Plotly.Blazor's charts and MudBlazor's controls, as a user meets them.</summary>
public static class Ui
{
    /// <summary>
    /// Turns to the page as a reader does (a key press: Shift, which moves nothing), then waits until the page has
    /// <paramref name="count"/> charts and plotly has drawn every one of them. Until a reader turns to it a page shows its
    /// charts' first frames and loads no plotly.js (docs/decisions/0007-plotly-basic-bundle.md).
    /// </summary>
    public static async Task WaitForChartsAsync(IPage page, int count)
    {
        await TurnToAsync(page);
        await page.WaitForFunctionAsync(
            "n => { const all = document.querySelectorAll('[data-chart]'); return all.length === n && [...all].every(c => c.classList.contains('js-plotly-plot') && c.data); }",
            count, new() { Timeout = 20000 });
    }

    /// <summary>What a reader's first key press does: after it the page's charts load plotly.js and go live.</summary>
    public static async Task TurnToAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading'", null, new() { Timeout = 20000 });
        await page.Keyboard.PressAsync("Shift");
    }

    /// <summary>What plotly drew: the x and y of every trace of a chart.</summary>
    public static async Task<JsonElement> DrawnAsync(IPage page, string chart) =>
        JsonDocument.Parse(await page.EvaluateAsync<string>(
            "c => JSON.stringify(document.querySelector(`[data-chart=\"${c}\"]`).data.map(t => ({ x: t.x, y: t.y })))", chart)).RootElement.Clone();

    /// <summary>Marks what a chart shows now, so that <see cref="WaitForRedrawAsync"/> can tell when plotly replaced it.</summary>
    public static Task MarkAsync(IPage page, string chart) =>
        page.EvaluateAsync("c => { document.querySelector(`[data-chart=\"${c}\"]`).data.staleForTest = true; }", chart);

    /// <summary>Waits until plotly draws new data in a chart marked by <see cref="MarkAsync"/> (React replaces the data).</summary>
    public static Task WaitForRedrawAsync(IPage page, string chart) =>
        page.WaitForFunctionAsync("c => !document.querySelector(`[data-chart=\"${c}\"]`).data?.staleForTest", chart, new() { Timeout = 10000 });

    /// <summary>
    /// Opens a MudSelect (the element carrying <paramref name="selector"/>), picks the option <paramref name="text"/> and
    /// waits until the select shows it: a click that lands while the list is still opening is tried again. A
    /// <paramref name="multiple"/> select is clicked once (a second click would take the option away again).
    /// </summary>
    public static async Task ChooseAsync(IPage page, string selector, string text, bool multiple = false)
    {
        var pattern = new System.Text.RegularExpressions.Regex("^\\s*" + System.Text.RegularExpressions.Regex.Escape(text) + "\\s*$");
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator(selector).ClickAsync();
            var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = pattern }).First;
            await option.WaitForAsync(new() { Timeout = 10000 });
            await option.ClickAsync();
            if (multiple)
            {
                return;
            }
            try
            {
                await page.WaitForFunctionAsync("([s, t]) => document.querySelector(s)?.innerText.trim() === t", new[] { selector, text },
                    new() { Timeout = 5000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await page.Keyboard.PressAsync("Escape");
            }
        }
    }

    /// <summary>
    /// Waits until the page's own address (<c>location.pathname</c> and <c>location.search</c>, read in the page) is
    /// <paramref name="pathAndQuery"/>. Blazor changes the address with the history API, which fires no load event, and
    /// Playwright's wait for a URL also waits for one: under load it timed out on an address the page already had.
    /// </summary>
    public static Task WaitForAddressAsync(IPage page, string pathAndQuery) =>
        page.WaitForFunctionAsync("a => location.pathname + location.search === a", pathAndQuery, new() { Timeout = 20000 });

    /// <summary>Waits until the page's query string has each of <paramref name="pairs"/> (key, value), whatever else it has (see <see cref="WaitForAddressAsync"/>).</summary>
    public static Task WaitForQueryAsync(IPage page, params (string Key, string Value)[] pairs) =>
        page.WaitForFunctionAsync("ps => { const q = new URLSearchParams(location.search); return ps.every(([k, v]) => q.get(k) === v); }",
            pairs.Select(p => new[] { p.Key, p.Value }).ToArray(), new() { Timeout = 20000 });

    /// <summary>The page's address as the page has it now (Playwright's <c>page.Url</c> follows the history API's changes late).</summary>
    public static Task<string> AddressAsync(IPage page) => page.EvaluateAsync<string>("() => location.pathname + location.search");

    /// <summary>The texts of a MudSelect's options (it is opened and closed again).</summary>
    public static async Task<IReadOnlyList<string>> OptionsAsync(IPage page, string selector)
    {
        await page.Locator(selector).ClickAsync();
        var items = page.Locator(".mud-popover-open .mud-list-item");
        await items.First.WaitForAsync();
        var texts = (await items.AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        await page.Keyboard.PressAsync("Escape");
        return texts;
    }

    /// <summary>Clicks the confirming button of the MudDialog that is open.</summary>
    public static async Task ConfirmAsync(IPage page, string button)
    {
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync(new() { Timeout = 10000 });
        await dialog.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }
}
