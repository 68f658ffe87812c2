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
    private AppProcess _app = default!;

    public string BaseUrl => _app.BaseUrl;
    public IBrowser Browser => _app.Browser;

    public async Task InitializeAsync()
    {
        await ModelTestData.Trainer(_data, ModelTestData.Store(_data)).TrainAllAsync();
        _app = await AppProcess.StartAsync(_data.ConnectionString);
    }

    /// <summary>A page signed in as <paramref name="user"/> (default: the admin).</summary>
    public Task<IPage> NewPageAsync(int width = 1280, int height = 900, string? user = TestUsers.Admin) => _app.NewPageAsync(width, height, user);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }
}
