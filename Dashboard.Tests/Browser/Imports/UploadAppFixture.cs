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
    private AppProcess _app = default!;

    public string BaseUrl => _app.BaseUrl;
    public IBrowser Browser => _app.Browser;
    /// <summary>Signed in as the admin.</summary>
    public HttpClient Http => _app.Http;
    public string Folder => _db.Folder;
    public TempDatabase Database => _db;

    public async Task InitializeAsync()
    {
        var baseline = _db.Importer(now: DateTimeOffset.UtcNow).Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Baseline)), "baseline.csv");
        if (!baseline.Succeeded)
        {
            throw new InvalidOperationException(baseline.Error);
        }
        _app = await AppProcess.StartAsync(_db.ConnectionString, new Dictionary<string, string>
        {
            ["Uploads__Folder"] = Path.Combine(_db.Folder, "uploads"),
        });
        (await Http.GetAsync("/api/orders/overview")).EnsureSuccessStatusCode();
    }

    public Task<IPage> NewPageAsync() => _app.NewPageAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _db.Dispose();
    }
}
