using System.Net;
using System.Text;
using Dashboard.Core.Imports.Queue;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Imports;

/// <summary>
/// Decision 0015: the JSON API refuses what does not come from the app itself (a signed-in admin's
/// cookie is not enough), the circuit checks Origin, a job can be cancelled over the API, and an upload over the limit
/// is a 413 however it is sent.
/// </summary>
public sealed class CrossSiteAndCancelTests(ImportsApiTests.Factory factory) : IClassFixture<ImportsApiTests.Factory>
{
    private static StringContent Csv(string id) => new(new AmazonCsv().Line(id).ToString(), Encoding.UTF8, "text/csv");

    /// <summary>Every API route that is not a GET, with its parameters filled in.</summary>
    private IEnumerable<(string Method, string Path)> ChangingApiRoutes()
    {
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = endpoint.RoutePattern.RawText ?? "";
            if (!raw.TrimStart('/').StartsWith("api", StringComparison.Ordinal))
            {
                continue;
            }
            var path = "/" + raw.TrimStart('/').Replace("{id:long}", "1").Replace("{id}", "x");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (method is not ("GET" or "HEAD"))
                {
                    yield return (method, path.TrimEnd('/') is { Length: > 0 } p ? p : "/");
                }
            }
        }
    }

    [Fact]
    public async Task EveryChangingApiRouteRefusesASignedInAdminsCookieWithoutTheToken()
    {
        var cookieOnly = await factory.SignedInClientAsync(withApiToken: false);
        var routes = ChangingApiRoutes().ToList();
        Assert.Contains(("POST", "/api/imports"), routes);
        Assert.Contains(("DELETE", "/api/imports/jobs/x"), routes);
        var batchesBefore = factory.Database.Scalar("SELECT COUNT(*) FROM import_batches");

        foreach (var (method, path) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path + (path == "/api/imports" ? "?file=x.csv" : ""))
            {
                Content = Csv("CSRF-1"),
            };
            using var response = await cookieOnly.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode}");
            Assert.Contains("X-CSRF-TOKEN", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(batchesBefore, factory.Database.Scalar("SELECT COUNT(*) FROM import_batches"));
        Assert.DoesNotContain(factory.Services.GetRequiredService<ImportQueue>().Jobs, j => j.FileName == "x.csv");
    }

    [Theory]
    [InlineData("Origin", "http://localhost:8081")] // another port of the same host: the same site, another origin
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task ACrossOriginRequestIsRefusedEvenWithAValidToken(string header, string value)
    {
        var client = await factory.SignedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports?file=cross.csv") { Content = Csv("CROSS-1") };
        request.Headers.Add(header, value);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(factory.Services.GetRequiredService<ImportQueue>().Jobs, j => j.FileName == "cross.csv");
    }

    [Fact]
    public async Task TheAppsOwnOriginWithTheTokenGoesThrough()
    {
        var client = await factory.SignedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports?file=own.csv&preview=true") { Content = Csv("OWN-1") };
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task ATokenOfAnotherUserIsRefused()
    {
        var admin = await factory.SignedInClientAsync();
        var token = admin.DefaultRequestHeaders.GetValues("X-CSRF-TOKEN").Single();
        await factory.Services.AddUserAsync("other-admin", Core.Users.Role.Admin);
        var other = await factory.SignedInClientAsync("other-admin", withApiToken: false);
        other.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);

        using var response = await other.PostAsync("/api/imports?file=stolen.csv", Csv("STOLEN-1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("http://localhost:8081", HttpStatusCode.Forbidden)]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    public async Task TheCircuitRefusesAnotherOrigin(string origin, HttpStatusCode expected)
    {
        var client = await factory.SignedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task TheCircuitAcceptsItsOwnOrigin()
    {
        var client = await factory.SignedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", "http://localhost");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DeleteOfAJobCancelsItAndAFinishedOrUnknownJobSaysSo()
    {
        var client = await factory.SignedInClientAsync();
        var queue = factory.Services.GetRequiredService<ImportQueue>();
        using var posted = await client.PostAsync("/api/imports?file=cancel-me.csv&preview=true", Csv("CANCEL-1"));
        var location = posted.Headers.Location!.ToString();

        using var cancel = await client.DeleteAsync(location);
        var job = queue.Jobs.Single(j => location.EndsWith(j.Id, StringComparison.Ordinal));
        await job.Completion.WaitAsync(TimeSpan.FromMinutes(1));

        // The job may have finished before the DELETE arrived (a tiny file): then 409, and it changed nothing anyway.
        Assert.True(cancel.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"{(int)cancel.StatusCode}");
        using var again = await client.DeleteAsync(location);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var unknown = await client.DeleteAsync("/api/imports/jobs/no-such-job");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task AChunkedUploadOverTheLimitIs413AndLeavesNoFile()
    {
        var client = await factory.SignedInClientAsync();
        var big = new byte[300_000];
        Array.Fill(big, (byte)'a');
        using var content = new StreamContent(new NonSeekableStream(big));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");

        using var response = await client.PostAsync("/api/imports?file=chunked.csv", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Uploads:MaxBytes", await response.Content.ReadAsStringAsync());
        var folder = Path.Combine(factory.Database.Folder, "uploads");
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).All(f => new FileInfo(f).Length < 300_000));
    }

    [Fact]
    public async Task ADeclaredLengthOverTheLimitIs413()
    {
        var client = await factory.SignedInClientAsync();

        using var response = await client.PostAsync("/api/imports?file=big.csv", new ByteArrayContent(new byte[200_000]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>A body without a length: HttpClient sends it chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
