using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dashboard.Tests.Integration.Analytics;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The built web app, started as a real process on 127.0.0.1 and a free port over <see cref="AnalyticsFixture"/>'s
/// database, and Debian's Chromium driven by Playwright (<c>CHROMIUM_PATH</c>, default <c>/usr/bin/chromium</c>).
/// WebApplicationFactory serves in memory only, so a browser could not reach it. Shared by the browser tests.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    private readonly AnalyticsFixture _data = new();
    private Process? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public HttpClient Http { get; } = new();

    /// <summary>Where tests save screenshots, when <c>DASHBOARD_SCREENSHOTS</c> names a folder.</summary>
    public static string? ScreenshotFolder => Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS");

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var (exe, projectDir) = FindApp();
        var start = new ProcessStartInfo(exe, ["--urls", BaseUrl])
        {
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Dashboard"] = _data.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _app = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {exe}.");
        _app.OutputDataReceived += (_, _) => { };
        _app.ErrorDataReceived += (_, _) => { };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                // Answers once the app is up; also builds the in-memory snapshot, so the pages are warm.
                using var response = await Http.GetAsync(BaseUrl + "/api/orders/overview");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (_app.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The app at {exe} did not answer on {BaseUrl} (exited: {_app.HasExited}).");
            }
            await Task.Delay(200);
        }
        await Http.GetAsync(BaseUrl + "/api/purchases/summary");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _app?.Dispose();
        Http.Dispose();
        _data.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The web app's executable from its own build output (same configuration as the tests).</summary>
    private static (string Exe, string ProjectDir) FindApp()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
        {
            dir = dir.Parent;
        }
        if (dir is null)
        {
            throw new InvalidOperationException("Dashboard.sln not found above " + AppContext.BaseDirectory);
        }
        var projectDir = Path.Combine(dir.FullName, "Dashboard.Web");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var name = OperatingSystem.IsWindows() ? "Dashboard.Web.exe" : "Dashboard.Web";
        var candidates = new[]
        {
            Path.Combine(projectDir, "bin", configuration, "net9.0", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, name),
            Path.Combine(projectDir, "bin", configuration, "net9.0", name),
        };
        return (candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Build Dashboard.Web first; not found: " + string.Join(", ", candidates)), projectDir);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "browser";
}
