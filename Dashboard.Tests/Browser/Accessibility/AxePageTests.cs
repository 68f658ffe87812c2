using Dashboard.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.Tests.Browser.Accessibility;

/// <summary>
/// axe-core finds no WCAG 2.2 A/AA violation on any page, in either theme, at 1280 and 390 px, as each role, and with the menus,
/// the confirmations and the upload preview open. Each role keeps one page (one browser context) for all of its pages.
/// </summary>
[TestDuration(420)]
public sealed class AxePageTests(AccessibilityFixture app, ITestOutputHelper output) : IClassFixture<AccessibilityFixture>
{
    private static readonly int[] Widths = [1280, 390];

    [Theory]
    [InlineData(AccessibilityFixture.Viewer)]
    [InlineData(AccessibilityFixture.Analyst)]
    [InlineData(TestUsers.Admin)]
    public async Task EveryPageOfTheRoleHasNoViolationsInBothThemesAtBothWidths(string user)
    {
        var page = await app.PageOfAsync(user);
        var found = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var axeBefore = Axe.Spent;
        foreach (var path in AxePages.Of(user))
        {
            await AxePages.OpenAsync(page, path);
            found.AddRange(await EveryThemeAndWidthAsync(page, $"{user} {path}"));
            output.WriteLine($"{path}: {clock.Elapsed.TotalSeconds:0.0} s (axe: {(Axe.Spent - axeBefore).TotalSeconds:0.0} s)");
        }
        foreach (var (name, open) in AxePages.OpenStates(user, app.Folder))
        {
            foreach (var dark in new[] { false, true })
            {
                await AxePages.SetThemeAsync(page, dark);
                await open(page);
                found.AddRange(await Axe.ViolationsAsync(page, $"{user} {name} {(dark ? "dark" : "light")}"));
            }
            output.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:0.0} s");
        }
        await AxePages.SetThemeAsync(page, false);
        found.ForEach(output.WriteLine);
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public async Task ALowContrastElementInjectedIntoAPageIsFound()
    {
        var page = await app.PageOfAsync(TestUsers.Admin);
        await AxePages.OpenAsync(page, "/weekly");
        Assert.Empty(await Axe.ViolationsAsync(page, "before"));

        // Light grey on white: 1.5:1, where AA wants 4.5:1 for text this size.
        await page.EvaluateAsync("""
            () => { const p = document.createElement('p'); p.id = 'injected'; p.textContent = 'Hard to read';
                    p.style.color = '#cccccc'; p.style.background = '#ffffff'; document.querySelector('main').prepend(p); }
            """);
        var found = await Axe.ViolationsAsync(page, "injected");

        var contrast = Assert.Single(found);
        Assert.Contains("color-contrast", contrast);
        Assert.Contains("#injected", contrast);
        await page.ReloadAsync();
    }

    [Fact]
    public async Task ADialogHoldsTheFocusUntilItCloses()
    {
        var page = await app.PageOfAsync(TestUsers.Admin);
        await AxePages.OpenAsync(page, "/users");
        var disable = page.Locator($"[data-toggle-of={AccessibilityFixture.Viewer}]");
        await disable.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".mud-dialog").WaitForAsync(new() { Timeout = 10000 });
        // The dialog takes the focus once its focus trap is up, a moment after it is drawn (a Tab before that, seen in CI
        // under load, still moved along the page): the focus must arrive inside, then stay there.
        await page.WaitForFunctionAsync("() => document.activeElement?.closest('.mud-dialog-container') != null", null, new() { Timeout = 10000 });

        for (var i = 0; i < 8; i++)
        {
            await page.Keyboard.PressAsync(i % 3 == 2 ? "Shift+Tab" : "Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.closest('.mud-dialog-container') !== null"),
                "the focus left the open dialog: " + await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 120)"));
        }
        await page.Keyboard.PressAsync("Escape");
        await page.Locator(".mud-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 10000 });
        Assert.Equal("Disable", (await disable.TextContentAsync())?.Trim()); // nothing was done
    }

    private static async Task<IReadOnlyList<string>> EveryThemeAndWidthAsync(IPage page, string label)
    {
        // The page comes in either theme (the last one switched to); it is checked in that one, switched, and checked again.
        var found = new List<string>();
        foreach (var turn in new[] { 0, 1 })
        {
            if (turn == 1)
            {
                await AxePages.SwitchThemeAsync(page);
            }
            var theme = await AxePages.IsDarkAsync(page) ? "dark" : "light";
            foreach (var width in turn == 0 ? Widths : Widths.Reverse())
            {
                await page.SetViewportSizeAsync(width, 900);
                await AxePages.SettleAsync(page);
                found.AddRange(await Axe.ViolationsAsync(page, $"{label} {width}px {theme}"));
                if (BrowserAppFixture.ScreenshotFolder is { } folder)
                {
                    Directory.CreateDirectory(folder);
                    var name = string.Concat(label.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
                    await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}-{theme}.png"), FullPage = true });
                }
            }
        }
        return found;
    }
}
