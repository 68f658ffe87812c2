using Dashboard.Tests.Integration.Analytics;
using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The built web app as a real process (<see cref="AppProcess"/>) over <see cref="AnalyticsFixture"/>'s database, and
/// Chromium driven by Playwright. Shared by the browser tests.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    private readonly AnalyticsFixture _data = new();
    private AppProcess _app = default!;

    public string BaseUrl => _app.BaseUrl;
    public IBrowser Browser => _app.Browser;
    /// <summary>Signed in as the admin.</summary>
    public HttpClient Http => _app.Http;

    /// <summary>Where tests save screenshots, when <c>DASHBOARD_SCREENSHOTS</c> names a folder.</summary>
    public static string? ScreenshotFolder => Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS");

    public async Task InitializeAsync()
    {
        // These pages need no model: training one at the first start would only compete with the pages for the CPU.
        _app = await AppProcess.StartAsync(_data.ConnectionString, new Dictionary<string, string> { ["Models__TrainOnFirstStart"] = "false" });
        // Builds the analytics frames, so the pages are warm.
        (await Http.GetAsync("/api/orders/overview")).EnsureSuccessStatusCode();
        (await Http.GetAsync("/api/purchases/summary")).EnsureSuccessStatusCode();
    }

    /// <summary>A page signed in as <paramref name="user"/> (default: the admin; null: not signed in).</summary>
    public Task<IPage> NewPageAsync(int width = 1280, int height = 900, string? user = TestUsers.Admin) => _app.NewPageAsync(width, height, user);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
[TestDuration(140)]
public sealed class BrowserCollection : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "browser";
}
