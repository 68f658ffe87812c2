using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Tests.Web.Imports;

public sealed class ImportsApiTests : IClassFixture<ImportsApiTests.Factory>
{
    private readonly Factory _factory;

    public ImportsApiTests(Factory factory) => _factory = factory;

    public sealed class Factory : WebApplicationFactory<Program>
    {
        public TempDatabase Database { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Dashboard", Database.ConnectionString);
            builder.UseSetting("Uploads:Folder", Path.Combine(Database.Folder, "uploads"));
            builder.UseSetting("Uploads:MaxBytes", "100000");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                Database.Dispose();
            }
        }
    }

    private static async Task<JsonElement> Finished(HttpClient client, string location)
    {
        for (var i = 0; i < 300; i++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(location);
            if (job.GetProperty("state").GetString() == "Finished")
            {
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException(location);
    }

    [Fact]
    public async Task AnUploadIsQueuedCommittedInTheBackgroundAndItsRejectedRowsDownloadFormulaSafe()
    {
        var client = await _factory.SignedInClientAsync();
        var csv = new AmazonCsv().Line("API-1").Line("API-2", qty: "=cmd|' /C calc'!A0").Line("API-3").ToString();

        var response = await client.PostAsync("/api/imports?file=api.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await Finished(client, response.Headers.Location!.ToString());
        var summary = job.GetProperty("summary");
        Assert.Equal("Succeeded", summary.GetProperty("state").GetString());
        Assert.Equal(2, summary.GetProperty("inserted").GetInt32());
        var batch = summary.GetProperty("batchId").GetInt64();

        var download = await client.GetAsync($"/api/imports/{batch}/issues.csv");
        var text = await download.Content.ReadAsStringAsync();
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", download.Content.Headers.ContentDisposition!.ToString());
        Assert.Contains("3,Rejected,Qty,'=cmd|' /C calc'!A0,", text);
        Assert.DoesNotContain(",=cmd", text);
    }

    [Fact]
    public async Task AnUploadOverTheLimitIsRefusedWithAClearMessageAndNothingIsStored()
    {
        var client = await _factory.SignedInClientAsync();
        var before = _factory.Database.Fingerprint();
        var big = new AmazonCsv();
        for (var i = 0; i < 1000; i++)
        {
            big.Line($"BIG-{i}");
        }

        var response = await client.PostAsync("/api/imports?file=big.csv", new StringContent(big.ToString()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than the upload limit of 97.7 KB", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, _factory.Database.Fingerprint());
        var uploads = Path.Combine(_factory.Database.Folder, "uploads");
        Assert.True(!Directory.Exists(uploads) || !Directory.EnumerateFiles(uploads).Any());
    }

    [Fact]
    public async Task TheImportsPageIsServed()
    {
        var html = await (await _factory.SignedInClientAsync()).GetStringAsync("/imports");

        Assert.Contains("Import history", html);
        Assert.Contains("Drop a CSV export here", html);
    }
}
