using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

/// <summary>
/// Issue 3's browser figure: how long after navigation Chromium shows all four overview charts drawn by plotly, against
/// a running (warm) dashboard. Each run uses a new browser context, so nothing is cached from the run before (the
/// first visit of the day); a second series reuses one context (the analyst who keeps the dashboard open in a tab).
/// Every context starts with the cookie of one sign-in (<c>DASHBOARD_USER</c>/<c>DASHBOARD_PASSWORD</c>) and nothing else.
/// </summary>
internal static class BrowserBenchmark
{
    private const string FourChartsDrawn =
        "() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p._fullData && p._fullData.length > 0).length >= 4";

    public static async Task RunAsync(string url, int runs)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var viewport = new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            StorageState = await SignInAsync(browser, url),
        };

        // One unmeasured visit: the server's first circuit and frames are not what a warm server does.
        await using (var warmUp = await browser.NewContextAsync(viewport))
        {
            await TimeAsync(await warmUp.NewPageAsync(), url);
        }

        var cold = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            await using var context = await browser.NewContextAsync(viewport);
            cold.Add(await TimeAsync(await context.NewPageAsync(), url));
        }
        var warm = new List<double>();
        await using (var context = await browser.NewContextAsync(viewport))
        {
            for (var i = 0; i < runs; i++)
            {
                var page = await context.NewPageAsync();
                warm.Add(await TimeAsync(page, url));
                await page.CloseAsync();
            }
        }
        Console.WriteLine($"{url}: four charts drawn after navigation, {runs} runs each; {Environment.ProcessorCount} cores, load {Load()}");
        Console.WriteLine($"  new browser context each run: {Describe(cold)}");
        Console.WriteLine($"  one context, new tab each run: {Describe(warm)}");
    }

    /// <summary>
    /// Visits every page signed in, in the light and the dark theme, and counts what the browser refused under the
    /// content security policy (<c>securitypolicyviolation</c> events) and the errors it logged.
    /// </summary>
    public static async Task CheckPagesAsync(string url, IReadOnlyList<string> paths)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var state = await SignInAsync(browser, url);
        var total = 0;
        foreach (var theme in new[] { "light", "dark" })
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { StorageState = state });
            await context.AddCookiesAsync([new Cookie { Name = "dashboard-theme", Value = theme, Url = url }]);
            await context.AddInitScriptAsync(
                "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))");
            foreach (var pagePath in paths)
            {
                var page = await context.NewPageAsync();
                var violations = new List<string>();
                var errors = new List<string>();
                page.Console += (_, m) =>
                {
                    if (m.Text.StartsWith("CSP violation", StringComparison.Ordinal))
                        violations.Add(m.Text);
                    else if (m.Type == "error")
                        errors.Add(m.Text);
                };
                page.PageError += (_, e) => errors.Add(e);
                await page.GotoAsync(new Uri(new Uri(url), pagePath).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                await page.WaitForTimeoutAsync(1500); // charts, popovers and the circuit settle
                total += violations.Count;
                Console.WriteLine($"  {theme,-5} {pagePath,-10} CSP violations {violations.Count}, console errors {errors.Count}" +
                    string.Concat(violations.Concat(errors).Select(v => "\n      " + v)));
                await page.CloseAsync();
            }
        }
        Console.WriteLine($"{url}: {total} CSP violations on {paths.Count} pages in two themes");
    }

    /// <summary>Signs in once through the sign-in page; the cookies, for every measured context.</summary>
    private static async Task<string> SignInAsync(IBrowser browser, string url)
    {
        var user = Environment.GetEnvironmentVariable("DASHBOARD_USER")
            ?? throw new InvalidOperationException("Set DASHBOARD_USER and DASHBOARD_PASSWORD to a user of the dashboard.");
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(new Uri(url), "/account/login").ToString());
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", Environment.GetEnvironmentVariable("DASHBOARD_PASSWORD") ?? "");
        await page.ClickAsync("[data-action=sign-in]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
        return await context.StorageStateAsync();
    }

    private static async Task<double> TimeAsync(IPage page, string url)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync(FourChartsDrawn, null, new PageWaitForFunctionOptions { PollingInterval = 10, Timeout = 60_000 });
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string Describe(List<double> ms)
    {
        var sorted = ms.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"median {sorted[sorted.Count / 2]:F0} ms, min {sorted[0]:F0} ms, max {sorted[^1]:F0} ms");
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
