using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The overview from the keyboard alone, over the hand-computed fixture: skip link, focus after navigation, visible focus,
/// and cross-filtering from the category chart's data table.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserAppFixture app)
{
    [Fact]
    public async Task TabToTheCategoryChartsDataAndEnterOnSetFiltersTheOtherCharts()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Ui.WaitForChartsAsync(page, 4);
        await Ui.MarkAsync(page, "weekdays");

        // Nothing but Tab and Enter from here.
        var toggle = await TabToAsync(page, "[data-card=categories] [data-action=data-table]");
        Assert.True(await HasFocusRingAsync(page), "the focused Data table button shows no focus ring");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-card=categories] [data-filter-row=Set]").WaitForAsync(new() { Timeout = 10000 });
        await TabToAsync(page, "[data-card=categories] [data-filter-row=Set]", most: 10);
        Assert.True(await HasFocusRingAsync(page), "the focused row shows no focus ring");
        await page.Keyboard.PressAsync("Enter");
        await Ui.WaitForRedrawAsync(page, "weekdays");

        Assert.Contains("category=Set", page.Url);
        // Orders of the Set lines by weekday: Mon O1,O4; Tue O7; Wed O3; Fri O6.
        Assert.Equal([2.0, 1, 1, 0, 1, 0, 0], (await Ui.DrawnAsync(page, "weekdays"))[0].GetProperty("y").EnumerateArray().Select(y => y.GetDouble()));
        Assert.Equal("5", (await page.Locator("[data-kpi=orders] .kpi-tile__value").InnerTextAsync()).Trim());
        await page.Locator("[data-card=categories] [data-filter-row=Set][aria-pressed=true]").WaitForAsync(new() { Timeout = 10000 });
        Assert.True(toggle > 0);
    }

    [Fact]
    public async Task ASkipLinkLeadsPastTheMenuAndANavigationPutsTheFocusOnThePagesHeading()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Ui.WaitForChartsAsync(page, 4);
        Assert.Equal("Orders overview", (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());

        // The skip link is the page's first stop: back from the heading, past the menu, and hidden until it has the focus.
        Assert.False(await IsOnScreenAsync(page, "[data-action=skip]"));
        await TabToAsync(page, "[data-action=skip]", backwards: true);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('a[href], button, input')].indexOf(document.activeElement)"));
        Assert.True(await IsOnScreenAsync(page, "[data-action=skip]"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement.id === 'content'");
        Assert.EndsWith("/", new Uri(page.Url).AbsolutePath); // still the overview

        await TabToAsync(page, "a[href=weekly]", backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/weekly", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => document.activeElement.tagName === 'H1'", null, new() { Timeout = 10000 });
        Assert.Equal("Weekly review", (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
    }

    /// <summary>Presses Tab (or Shift+Tab) until the element matching <paramref name="selector"/> has the focus; the presses it took.</summary>
    private static async Task<int> TabToAsync(IPage page, string selector, int most = 150, bool backwards = false)
    {
        for (var presses = 1; presses <= most; presses++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector))
            {
                return presses;
            }
        }
        throw new InvalidOperationException($"{most} presses of Tab never reached {selector}; the focus is on " +
            await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200)"));
    }

    private static Task<bool> IsOnScreenAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => { const r = document.querySelector(s).getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }", selector);

    private static Task<bool> HasFocusRingAsync(IPage page) => page.EvaluateAsync<bool>(
        "() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }");
}
