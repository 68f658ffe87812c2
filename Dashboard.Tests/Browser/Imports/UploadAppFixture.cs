using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser.Imports;

/// <summary>
/// The built web app as a real process on 127.0.0.1 over its own temporary database (the upload tests change data, so
/// they cannot share <see cref="BrowserAppFixture"/>'s), which already holds one real import of three lines
/// (<see cref="Baseline"/>); and Debian's Chromium through Playwright, launched as <see cref="BrowserAppFixture"/> does.
/// </summary>
public sealed class UploadAppFixture : IAsyncLifetime
{
    /// <summary>The first import: three orders, one of them pending.</summary>
    public static readonly string Baseline = new AmazonCsv()
        .Line("402-0000001-0000001", "JNE3781-KR-L", date: "04-10-22", status: "Pending", courier: "Unshipped", amount: "400.00")
        .Line("402-0000002-0000002", "SET389-KR-NP-S", date: "04-11-22", status: "Shipped", amount: "600.00")
        .Line("402-0000003-0000003", "JNE3781-KR-M", date: "04-12-22", status: "Shipped", amount: "500.00").ToString();

    private readonly TempDatabase _db = new();
    private Process? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public HttpClient Http { get; } = new();
    public string Folder => _db.Folder;
    public TempDatabase Database => _db;

    public async Task InitializeAsync()
    {
        var baseline = _db.Importer(now: DateTimeOffset.UtcNow).Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Baseline)), "baseline.csv");
        if (!baseline.Succeeded)
        {
            throw new InvalidOperationException(baseline.Error);
        }
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        var projectDir = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(WebExecutable.Path)!, "..", "..", "..")); // bin/CONFIG/net9.0
        var start = new ProcessStartInfo(WebExecutable.Path, ["--urls", BaseUrl])
        {
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Dashboard"] = _db.ConnectionString;
        start.Environment["Uploads__Folder"] = Path.Combine(_db.Folder, "uploads");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _app = Process.Start(start)!;
        _app.OutputDataReceived += (_, _) => { };
        _app.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[app] " + e.Data); } };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
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
                throw new InvalidOperationException($"The app did not answer on {BaseUrl} (exited: {_app.HasExited}).");
            }
            await Task.Delay(200);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
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
        _db.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
