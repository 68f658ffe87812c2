using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser.Accessibility;

/// <summary>The pages each role can reach, the states to open on them (menus, confirmations, the upload preview), and how to
/// bring a page to rest in a theme: the theme is the cookie the switch writes, read when a page is drawn.</summary>
public static class AxePages
{
    private static readonly string[] ViewerPages = ["/", "/weekly", "/purchases", "/events", "/digest", "/models", "/alerts", NewAlert];
    private static readonly string[] AnalystPages = ["/", "/weekly", "/purchases", "/events", "/digest", "/alerts", "/models", "/what-if", "/imports", "/orders/rows",
        "/orders/rows?category=Gone", "/purchases/rows", "/purchases/rows?gender=F&sort=purchase&dir=desc"];
    private static readonly string[] AdminPages =
        ["/", "/weekly", "/purchases", "/events", "/digest", "/digest/all", "/alerts", "/alerts/all", "/models", "/what-if", "/imports", "/users", "/account/password", "/mail/confirm?token=nothing",
        "/orders/rows", "/purchases/rows"];

    /// <summary>The alert form as a chart's "Alert me when…" opens it.</summary>
    private const string NewAlert = "/alerts/new?metric=revenue&grain=day&filter=category%3DSet";

    /// <summary>The paths to check as <paramref name="user"/>: what the menu offers, and one it does not (the "Not allowed" page).</summary>
    public static IReadOnlyList<string> Of(string user) => user switch
    {
        AccessibilityFixture.Viewer => ViewerPages,
        AccessibilityFixture.Analyst => AnalystPages,
        _ => AdminPages,
    };

    /// <summary>The states that only a click shows, each opened on a freshly drawn page.</summary>
    public static IReadOnlyList<(string Name, Func<IPage, Task> Open)> OpenStates(string user, string folder) => user switch
    {
        AccessibilityFixture.Viewer =>
        [
            ("unsubscribe confirmation", p => ConfirmationAsync(p, "/digest", "[data-action=unsubscribe]")),
            ("menu at 390 px", async p => { await OpenAsync(p, "/", 390); await p.ClickAsync("[data-action=menu]"); await SettleAsync(p); }),
            ("views menu", p => ViewsAsync(p, "/weekly", null)),
            ("delete alert confirmation", p => ConfirmationAsync(p, "/alerts", "[data-action=delete-alert]")),
            ("alert preview", async p =>
            {
                await OpenAsync(p, NewAlert);
                await p.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 20000 });
                await p.FillAsync("input[data-field=value]", "1000");
                await p.ClickAsync("[data-action=preview]");
                await p.Locator("[data-preview]").WaitForAsync(new() { Timeout = 20000 });
                await SettleAsync(p);
            }),
            ("alert refused inline", async p =>
            {
                await OpenAsync(p, "/alerts");
                await p.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 20000 });
                await p.FillAsync("input[data-field=name]", "");
                await p.ClickAsync("[data-action=save-alert]");
                await p.Locator("[data-form-error]").WaitForAsync(new() { Timeout = 10000 });
                await SettleAsync(p);
            }),
        ],
        AccessibilityFixture.Analyst =>
        [
            ("a filter's list", async p =>
            {
                await OpenAsync(p, "/");
                await p.ClickAsync("[data-filter=category]");
                await p.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync();
                await SettleAsync(p);
            }),
            ("views menu", p => ViewsAsync(p, "/orders/rows", null)),
            ("save view dialog", p => ViewsAsync(p, "/orders/rows?category=Set", "[data-action=save-view]")),
            ("manage views dialog", p => ViewsAsync(p, "/orders/rows", "[data-action=manage-views]")),
            ("column chooser", async p =>
            {
                await OpenAsync(p, "/orders/rows");
                await p.ClickAsync("[data-action=columns]");
                await p.Locator(".mud-popover-open [data-column]").First.WaitForAsync();
                await SettleAsync(p);
            }),
            ("an order's story", async p =>
            {
                await OpenAsync(p, "/orders/rows");
                await p.Locator("[data-order]").First.ClickAsync();
                await p.Locator("[data-story-line]").First.WaitForAsync(new() { Timeout = 10000 });
                await SettleAsync(p);
            }),
            ("show rows at a click", async p =>
            {
                await OpenAsync(p, "/orders");
                await p.Locator("[data-card=categories] [data-action=data-table]").ClickAsync();
                await p.Locator("[data-card=categories] .chart-table__filter").First.ClickAsync();
                await p.GetByRole(AriaRole.Button, new() { Name = "Show rows" }).WaitForAsync(new() { Timeout = 10000 });
                // The snackbar fades in: mid-fade its colours are blended (seen in CI as 4.15:1 under load).
                await p.WaitForFunctionAsync(
                    "() => { const s = document.querySelector('.mud-snackbar'); return s && s.getAnimations({ subtree: true }).every(a => a.playState !== 'running' || a.effect.getTiming().iterations === Infinity); }",
                    null, new() { Timeout = 10000 });
                await SettleAsync(p);
            }),
            ("what-if inline error", async p =>
            {
                await OpenAsync(p, "/what-if");
                await p.Locator("input[data-input=amount]").FillAsync("-5");
                await p.Locator("[data-result=invalid-cancellation]").WaitForAsync();
                await SettleAsync(p);
            }),
        ],
        _ =>
        [
            ("disable confirmation", p => ConfirmationAsync(p, "/users", $"[data-toggle-of={AccessibilityFixture.Viewer}]")),
            ("remove subscription confirmation", p => ConfirmationAsync(p, "/digest/all", "[data-action=delete-subscription]")),
            ("retrain confirmation", p => ConfirmationAsync(p, "/models", "[data-action=retrain]")),
            ("upload preview", p => PreviewAsync(p, folder)),
            ("user add with a short password", async p =>
            {
                await OpenAsync(p, "/users");
                await p.FillAsync("[data-field=new-name]", "x");
                await p.FillAsync("[data-field=new-password]", "short");
                await p.ClickAsync("[data-action=add-user]");
                await p.Locator("[data-message]").WaitForAsync();
                await SettleAsync(p);
            }),
        ],
    };

    /// <summary>Opens <paramref name="path"/> in a new load (so the theme cookie is read) and waits until it is drawn.</summary>
    public static async Task OpenAsync(IPage page, string path, int width = 1280)
    {
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync(path);
        await SettleAsync(page);
    }

    /// <summary>The theme the switch would choose, as its cookie; the page is drawn again.</summary>
    public static async Task SetThemeAsync(IPage page, bool dark)
    {
        var url = new Uri(page.Url.StartsWith("http", StringComparison.Ordinal) ? page.Url : "http://127.0.0.1/");
        await page.Context.AddCookiesAsync([new Cookie { Name = "dashboard-theme", Value = dark ? "dark" : "light", Domain = url.Host, Path = "/" }]);
        if (page.Url.StartsWith("http", StringComparison.Ordinal))
        {
            await page.ReloadAsync();
            await SettleAsync(page);
        }
    }

    /// <summary>True while the page is in the dark theme: the switch says so, or (pages without it) the cookie.</summary>
    public static async Task<bool> IsDarkAsync(IPage page)
    {
        var toggle = page.Locator("[data-action=theme]");
        if (await toggle.CountAsync() > 0)
        {
            return await toggle.GetAttributeAsync("data-theme") == "dark";
        }
        return (await page.Context.CookiesAsync()).Any(c => c.Name == "dashboard-theme" && c.Value == "dark");
    }

    /// <summary>The other theme: through the switch where the page has one (no reload), through its cookie elsewhere.</summary>
    public static async Task SwitchThemeAsync(IPage page)
    {
        var dark = await IsDarkAsync(page);
        var toggle = page.Locator("[data-action=theme]");
        if (await toggle.CountAsync() == 0)
        {
            await SetThemeAsync(page, !dark);
            return;
        }
        await toggle.ClickAsync();
        await page.Locator($"[data-action=theme][data-theme={(dark ? "light" : "dark")}]").WaitForAsync(new() { Timeout = 10000 });
        await SettleAsync(page);
    }

    /// <summary>Waits for the page's heading, for the circuit (the layout says when it is up) and for every
    /// chart to be drawn, then for MudBlazor's transitions to end (mid-fade, colours are blended and axe reads a contrast that
    /// no reader sees): every running animation that ends, and two frames more for the styles it leaves.</summary>
    public static async Task SettleAsync(IPage page)
    {
        await page.Locator("h1").First.WaitForAsync(new() { Timeout = 20000 });
        await Ui.TurnToAsync(page); // the charts go live (their first frames are checked by FirstFramePageTests)
        await page.WaitForFunctionAsync(
            "() => !document.querySelector('.mud-layout') || (document.querySelector('.mud-layout[data-circuit=up]') && document.querySelector('[data-chart]:not(.js-plotly-plot)') === null && document.querySelector('[data-first-frame]') === null)",
            null, new() { Timeout = 20000 });
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)",
            null, new() { Timeout = 10000 });
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
    }

    /// <summary>Opens the header's Views menu on <paramref name="path"/>, then the item <paramref name="item"/> of it when given (a dialog).</summary>
    private static async Task ViewsAsync(IPage page, string path, string? item)
    {
        await OpenAsync(page, path);
        await page.ClickAsync("[data-action=views]");
        await page.Locator(".mud-popover-open [data-action=manage-views]").WaitForAsync(new() { Timeout = 10000 });
        if (item is not null)
        {
            await page.ClickAsync(item);
            await page.Locator(".mud-dialog").WaitForAsync(new() { Timeout = 10000 });
        }
        await SettleAsync(page);
    }

    private static async Task ConfirmationAsync(IPage page, string path, string button)
    {
        await OpenAsync(page, path);
        await page.Locator(button).First.ClickAsync();
        await page.Locator(".mud-dialog").WaitForAsync(new() { Timeout = 10000 });
        await SettleAsync(page);
    }

    private static async Task PreviewAsync(IPage page, string folder)
    {
        var file = Path.Combine(folder, "a11y-preview.csv");
        await File.WriteAllTextAsync(file, new AmazonCsv()
            .Line("402-0000009-0000001", "JNE3781-KR-L", date: "04-10-22", status: "Shipped", amount: "400.00")
            .Line("402-0000009-0000002", date: "04-16-22", qty: "=1+1").ToString());
        await OpenAsync(page, "/imports");
        await page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 20000 });
        await page.Locator("input[type=file]").First.SetInputFilesAsync(file);
        await page.Locator("[data-summary=preview]").WaitForAsync(new() { Timeout = 30000 });
        await SettleAsync(page);
    }
}
