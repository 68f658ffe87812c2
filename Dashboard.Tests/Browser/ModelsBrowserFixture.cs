using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dashboard.Tests.Integration.Models;
using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The built web app as a real process over <see cref="ModelTestData"/>'s store, with models trained before it starts, and
/// Chromium driven by Playwright. The same start-up as <see cref="BrowserAppFixture"/> (which is bound to the hand-computed
/// analytics data set, too small to train on).
/// </summary>
public sealed class ModelsBrowserFixture : IAsyncLifetime
{
    private readonly TempDatabase _data = ModelTestData.Create();
    private Process? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await ModelTestData.Trainer(_data, ModelTestData.Store(_data)).TrainAllAsync();
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            BaseUrl = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        }
        var exe = WebExecutable.Path;
        var projectDir = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(exe)!, "..", "..", ".."));
        if (!File.Exists(Path.Combine(projectDir, "Dashboard.Web.csproj")))
        {
            projectDir = Path.GetFullPath(Path.Combine(projectDir, ".."));
        }
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

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/api/models/training");
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
        _data.Dispose();
    }
}
