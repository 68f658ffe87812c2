using Microsoft.Playwright;

/// <summary>
/// The overview's browser figure (docs/BENCHMARKS.md): how long after navigation Chromium shows all four overview charts drawn by plotly (a key pressed as soon as the document is parsed), against
/// a running (warm) dashboard, in two kinds of browser. A first visit: each run in a new private (incognito) context, so
/// nothing is cached from the run before but the sign-in cookie. A returning user: one browser profile on disk, signed in
/// once and visited once unmeasured, then a new tab each run, as a user's own Chromium keeps its HTTP cache and V8's code
/// cache between visits (private contexts keep no code cache, so the first series compiles plotly.js every time).
/// The credentials: <c>DASHBOARD_USER</c>/<c>DASHBOARD_PASSWORD</c>.
/// </summary>
internal static class BrowserBenchmark
{
    private const string FourChartsDrawn =
        "() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p._fullData && p._fullData.length > 0).length >= 4";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private static readonly ViewportSize Viewport = new() { Width = 1400, Height = 1000 };

    public static async Task RunAsync(string url, int runs)
    {
        using var playwright = await Playwright.CreateAsync();
        var firstVisit = new List<double>();
        await using (var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath(), Args = ChromiumArgs }))
        {
            var options = new BrowserNewContextOptions { ViewportSize = Viewport, StorageState = await SignedInStateAsync(browser, url) };
            // One unmeasured visit: the server's first circuit and frames are not what a warm server does.
            for (var i = -1; i < runs; i++)
            {
                await using var context = await browser.NewContextAsync(options);
                var ms = await TimeAsync(await context.NewPageAsync(), url);
                if (i >= 0)
                    firstVisit.Add(ms);
            }
        }

        var returning = new List<double>();
        var profile = Directory.CreateTempSubdirectory("dashboard-bench-profile-");
        try
        {
            await using var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName,
                new BrowserTypeLaunchPersistentContextOptions { ExecutablePath = ChromiumPath(), Args = ChromiumArgs, ViewportSize = Viewport });
            await SignInAsync(context, url);
            for (var i = -1; i < runs; i++)
            {
                var page = await context.NewPageAsync();
                var ms = await TimeAsync(page, url);
                if (i >= 0)
                    returning.Add(ms);
                await page.CloseAsync();
            }
        }
        finally
        {
            profile.Delete(recursive: true);
        }
        Console.WriteLine($"{url}: four charts drawn after navigation, {runs} runs each; {Environment.ProcessorCount} cores, load {Load()}");
        Console.WriteLine($"  first visit (new private context each run): {Describe(firstVisit)}");
        Console.WriteLine($"  returning user (one profile on disk, new tab each run): {Describe(returning)}");
    }

    /// <summary>
    /// Visits every page signed in, in the light and the dark theme, and counts what the browser refused under the
    /// content security policy (<c>securitypolicyviolation</c> events) and the errors it logged.
    /// </summary>
    public static async Task CheckPagesAsync(string url, IReadOnlyList<string> paths)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath(), Args = ChromiumArgs });
        var state = await SignedInStateAsync(browser, url);
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

    /// <summary>The cookies of one sign-in, for private contexts that start signed in.</summary>
    private static async Task<string> SignedInStateAsync(IBrowser browser, string url)
    {
        await using var context = await browser.NewContextAsync();
        await SignInAsync(context, url);
        return await context.StorageStateAsync();
    }

    /// <summary>Signs in through the sign-in page, as a user would, in the given context.</summary>
    private static async Task SignInAsync(IBrowserContext context, string url)
    {
        var user = Environment.GetEnvironmentVariable("DASHBOARD_USER")
            ?? throw new InvalidOperationException("Set DASHBOARD_USER and DASHBOARD_PASSWORD to a user of the dashboard.");
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(new Uri(url), "/account/login").ToString());
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", Environment.GetEnvironmentVariable("DASHBOARD_PASSWORD") ?? "");
        await page.ClickAsync("[data-action=sign-in]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    private static string ChromiumPath() =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static async Task<double> TimeAsync(IPage page, string url)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        // A reader who turns to the page at once (a key press as soon as it can be heard): until then the charts show their
        // server-drawn first frames and plotly.js is not loaded (docs/decisions/0007-plotly-basic-bundle.md).
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading'", null, new PageWaitForFunctionOptions { PollingInterval = 10, Timeout = 60_000 });
        await page.Keyboard.PressAsync("Shift");
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
