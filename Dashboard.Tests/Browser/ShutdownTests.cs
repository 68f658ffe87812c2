using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Sample;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Browser;

/// <summary>
/// A real app process stopped as systemd stops it, with SIGTERM, while an import runs (decision 0028-health-and-drain):
/// it drains (ready and new requests answer 503), the import is cancelled and keeps nothing, and the process exits on its own.
/// </summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task SigtermDuringAnImportDrainsCancelsItKeepingNothingAndExits()
    {
        using var db = new TempDatabase();
        var file = Path.Combine(db.Folder, "big.csv");
        await using (var writer = new StreamWriter(file))
        {
            // About 150,000 lines: several seconds of import, long enough to be stopped in the middle.
            new SampleDataGenerator(7).WriteAmazonOrders(writer, new DateOnly(2021, 11, 1), new DateOnly(2022, 3, 31), linesPerDay: 1000);
        }
        await using var app = await AppProcess.StartAsync(db.ConnectionString, new Dictionary<string, string>
        {
            ["Models__TrainOnFirstStart"] = "false",
            ["Uploads__Folder"] = Path.Combine(db.Folder, "uploads"),
            ["Health__DrainSeconds"] = "5",
        }, browser: false);
        using var probe = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/ready")).StatusCode);
        var before = db.Fingerprint();
        app.Http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await TestUsers.ApiTokenAsync(app.Http));
        await using (var content = File.OpenRead(file))
        {
            using var upload = await app.Http.PostAsync("/api/imports?file=big.csv", new StreamContent(content));
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
            await RunningAsync(app.Http, upload.Headers.Location!.ToString());
        }

        app.Terminate();

        // While it drains: not ready, and a new request is sent away (nginx tries another instance); the process still answers.
        // The signal reaches the process a moment after it is sent: ready turns 503 within the drain's first seconds.
        var notReady = false;
        for (var deadline = DateTime.UtcNow.AddSeconds(3); !notReady && DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            using var ready = await probe.GetAsync("/health/ready");
            notReady = ready.StatusCode == HttpStatusCode.ServiceUnavailable;
        }
        Assert.True(notReady, "/health/ready still answered 200 three seconds after SIGTERM");
        using (var page = await probe.GetAsync("/account/login"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.True(page.Headers.RetryAfter is not null);
        }
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/live")).StatusCode);
        Assert.Equal(0, await app.WaitForExitAsync(TimeSpan.FromMinutes(2))); // a guard against a hung stop, not a timing assertion
        Assert.Equal(before, db.Fingerprint());
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM import_batches WHERE state = 'Running'"));
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM import_batches WHERE file_name = 'big.csv' AND state = 'Failed' AND error LIKE 'The import was cancelled%'"));
        Assert.Empty(Directory.GetFiles(Path.Combine(db.Folder, "uploads")));
    }

    /// <summary>Waits until the job has read rows: its transaction is open.</summary>
    private static async Task RunningAsync(HttpClient http, string job)
    {
        // a guard against a hung job, not a timing assertion
        for (var deadline = DateTime.UtcNow.AddMinutes(2); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            var state = await http.GetFromJsonAsync<JsonElement>(job);
            Assert.NotEqual("Finished", state.GetProperty("state").GetString());
            if (state.GetProperty("rowsRead").GetInt32() > 0)
            {
                return;
            }
        }
        throw new TimeoutException(job);
    }
}
