using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Dashboard.Tests.Support;

/// <summary>
/// The built web app as a real process on 127.0.0.1 and a free port (WebApplicationFactory serves in memory only, so a
/// browser could not reach it), an HTTP client signed in as the admin, and Debian's Chromium driven by Playwright
/// (<c>CHROMIUM_PATH</c>, default <c>/usr/bin/chromium</c>) whose pages start signed in. Shared by the browser fixtures.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _app;
    private readonly IPlaywright? _playwright;
    private readonly IBrowser? _browser;
    private readonly ConcurrentDictionary<string, string> _signedIn = new();

    private AppProcess(Process app, string baseUrl, HttpClient http, IPlaywright? playwright, IBrowser? browser)
    {
        (_app, BaseUrl, Http, _playwright, _browser) = (app, baseUrl, http, playwright, browser);
    }

    public string BaseUrl { get; }

    /// <summary>Signed in as <see cref="TestUsers.Admin"/>, with <see cref="BaseUrl"/> as its base address.</summary>
    public HttpClient Http { get; }

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("This app was started without a browser.");

    /// <summary>Whether the app's process still runs (a test may <see cref="Kill"/> it).</summary>
    public bool HasExited => _app.HasExited;

    /// <summary>
    /// Starts the app over <paramref name="connectionString"/> with extra <paramref name="environment"/> settings, and a
    /// Chromium unless <paramref name="browser"/> is false (a second instance of a test that already has one). Every line
    /// the app writes, on stdout and stderr, goes to <paramref name="log"/> when given.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? environment = null, bool browser = true,
        ConcurrentQueue<string>? log = null)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var exe = WebExecutable.Path;
        var projectDir = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(exe)!, "..", "..", "..")); // bin/CONFIG/net10.0
        var start = new ProcessStartInfo(exe, ["--urls", baseUrl])
        {
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Dashboard"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var app = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {exe}.");
        app.OutputDataReceived += (_, e) => { if (e.Data is not null) { log?.Enqueue(e.Data); } };
        app.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[app] " + e.Data); log?.Enqueue(e.Data); } };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();

        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
        };
        // a guard against an app that never starts, not a timing assertion: on a shared, loaded 2-core machine start-up can take minutes
        var deadline = DateTime.UtcNow.AddSeconds(240);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/account/login");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (app.HasExited || DateTime.UtcNow > deadline)
            {
                app.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"The app at {exe} did not answer on {baseUrl} (exited: {app.HasExited}).");
            }
            await Task.Delay(200);
        }
        await TestUsers.SignInAsync(http);
        if (!browser)
        {
            return new AppProcess(app, baseUrl, http, null, null);
        }
        var playwright = await Playwright.CreateAsync();
        return new AppProcess(app, baseUrl, http, playwright, await LaunchChromiumAsync(playwright));
    }

    /// <summary>Debian's Chromium, headless.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    /// <summary>Stops the app's process at once, as a crash or a pulled plug would.</summary>
    public void Kill()
    {
        if (!_app.HasExited)
        {
            _app.Kill(entireProcessTree: true);
            _app.WaitForExit();
        }
    }

    /// <summary>Asks the app to stop as systemd does, with SIGTERM: it drains, cancels its imports and exits.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _app.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Waits for the app's process to end; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await _app.WaitForExitAsync(timeout.Token);
        return _app.ExitCode;
    }

    /// <summary>A page in a new browser context, signed in as <paramref name="user"/> (null: not signed in).</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string? user = TestUsers.Admin, string password = TestUsers.Password)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        };
        if (user is not null)
        {
            options.StorageState = _signedIn.TryGetValue(user, out var state)
                ? state
                : _signedIn[user] = await TestUsers.SignInAsync(Browser, BaseUrl, user, password);
        }
        var context = await Browser.NewContextAsync(options);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (!_app.HasExited)
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _app.Dispose();
        Http.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
