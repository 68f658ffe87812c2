using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Telemetry;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace Dashboard.Tests.Web;

/// <summary>
/// Metrics, traces and health of the app in memory (decision 0029-metrics-and-traces): an import through the API
/// counted on <c>/metrics</c>, which only allowed addresses may read, and traced from its upload to the frames it built.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests : IClassFixture<TelemetryTests.Factory>
{
    private readonly Factory _factory;

    public TelemetryTests(Factory factory) => _factory = factory;

    /// <summary>The app with metrics, and with traces when traced (an OTLP endpoint set, and the in-memory exporter).</summary>
    public class Factory : WebApplicationFactory<Program>
    {
        private readonly bool _traced;

        public Factory() : this(traced: false)
        {
        }

        protected Factory(bool traced) => _traced = traced;

        public TempDatabase Database { get; } = new();
        public ConcurrentQueue<Activity> Spans { get; } = new();
        public LogCapture Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Dashboard", Database.ConnectionString);
            builder.UseSetting("Uploads:Folder", Path.Combine(Database.Folder, "uploads"));
            builder.UseSetting("Models:TrainOnFirstStart", "false");
            builder.UseSetting("Metrics:AllowedNetworks:0", "10.1.0.0/16");
            // Traces are collected when an OTLP endpoint is set (nothing listens on port 9: the exports fail quietly); the
            // in-memory exporter gets the same spans. The metrics tests go without: with OTLP's reader of the metrics beside
            // Prometheus's, a scrape answered 408 after a minute when other tests' apps had run in the same process first
            // (seen twice, cause not established).
            builder.ConfigureLogging(l => l.AddProvider(Logs));
            if (!_traced)
            {
                return;
            }
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9");
            builder.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"); // refused at once, where a gRPC channel waits and retries
            builder.ConfigureServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(new SpanList(Spans))));
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

    [Fact]
    public async Task AnImportThroughTheApiIsCountedOnMetricsWithItsRows()
    {
        var client = await _factory.SignedInClientAsync();
        var before = Parse(await ScrapeAsync(IPAddress.Loopback));
        var fixture = new AmazonCsv();
        for (var i = 0; i < 7; i++)
        {
            fixture.Line($"METRIC-{i}", sku: $"SKU-{i}");
        }

        await ImportAsync(client, fixture.ToString(), "metrics.csv");

        var after = Parse(await ScrapeAsync(IPAddress.Loopback));
        const string Commit = "format=\"amazon_orders\",kind=\"commit\",outcome=\"succeeded\"";
        Assert.Equal(1, Value(after, "dashboard_imports_total", Commit) - Value(before, "dashboard_imports_total", Commit));
        Assert.Equal(7, Value(after, "dashboard_import_rows_total", Commit) - Value(before, "dashboard_import_rows_total", Commit));
        Assert.True(Value(after, "dashboard_import_duration_seconds_count", Commit) >= 1);
        Assert.Contains(after, l => l.StartsWith("target_info{", StringComparison.Ordinal) && l.Contains("service_instance_id=", StringComparison.Ordinal));
        Assert.Contains(after, l => l.StartsWith("http_server_request_duration_seconds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MetricsAnswerLoopbackAndTheAllowedNetworksOnlyWithoutSigningIn()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/metrics", IPAddress.Loopback)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/metrics", IPAddress.Parse("10.1.4.5"))).StatusCode);
        var refused = await SendAsync("/metrics", IPAddress.Parse("203.0.113.7"));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync("/metrics", IPAddress.Parse("10.2.0.1"))).StatusCode);
    }

    [Fact]
    public async Task HealthAnswersAnonymouslyAndSaysNothingAboutTheData()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    internal static async Task ImportAsync(HttpClient client, string csv, string name)
    {
        using var response = await client.PostAsync($"/api/imports?file={name}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // a guard against a hung job, not a timing assertion
        for (var deadline = DateTime.UtcNow.AddMinutes(2); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            var job = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location!.ToString());
            if (job.GetProperty("state").GetString() == "Finished")
            {
                Assert.Equal("Succeeded", job.GetProperty("summary").GetProperty("state").GetString());
                return;
            }
        }
        throw new TimeoutException(name);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, IPAddress from)
    {
        var context = await _factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = from;
        });
        // Read to its end here: an unread body leaves the exporter writing into a full pipe with the collection held, and the
        // next scrape then waits for it until the request times out (408).
        var body = new MemoryStream();
        await context.Response.Body.CopyToAsync(body);
        body.Position = 0;
        var response = new HttpResponseMessage((HttpStatusCode)context.Response.StatusCode) { Content = new StreamContent(body) };
        response.Content.Headers.ContentLength = context.Response.ContentLength;
        return response;
    }

    private async Task<string> ScrapeAsync(IPAddress from)
    {
        using var response = await SendAsync("/metrics", from);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string[] Parse(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The value of the series <paramref name="name"/> whose labels include <paramref name="labels"/>; 0 when there is none yet.</summary>
    private static double Value(string[] lines, string name, string labels) =>
        lines.Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains(labels, StringComparison.Ordinal))
            .Select(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).Sum();
}

/// <summary>Traces collected with the in-memory exporter: an import's (and the trace id in its log lines), a page query's, a training run's.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TraceTests(TraceTests.TracedFactory factory) : IClassFixture<TraceTests.TracedFactory>
{
    public sealed class TracedFactory() : TelemetryTests.Factory(traced: true);

    private readonly TracedFactory _factory = factory;

    [Fact]
    public async Task AnImportIsOneTraceFromItsUploadToTheNewFrameAndItsLogsCarryTheTraceId()
    {
        var client = await _factory.SignedInClientAsync();
        var csv = new AmazonCsv().Line("TRACE-1", sku: "T-1").Line("TRACE-2", sku: "T-2").ToString();

        await TelemetryTests.ImportAsync(client, csv, "traced.csv");

        var upload = _factory.Spans.Last(s => s.DisplayName == DashboardTelemetry.Spans.Upload);
        var trace = upload.TraceId;
        // The frames are built after the commit, in the background: wait for that span (a guard, not a timing assertion).
        for (var deadline = DateTime.UtcNow.AddSeconds(60); !Names(trace).Contains(DashboardTelemetry.Spans.FrameBuild); await Task.Delay(100))
        {
            Assert.True(DateTime.UtcNow < deadline, "no frame was built in the import's trace: " + string.Join(", ", Names(trace)));
        }
        string[] steps = [DashboardTelemetry.Spans.Upload, DashboardTelemetry.Spans.Staging, DashboardTelemetry.Spans.Parse,
            DashboardTelemetry.Spans.Write, DashboardTelemetry.Spans.Rollup, DashboardTelemetry.Spans.FrameBuild];
        Assert.Equal(steps, Names(trace).Where(steps.Contains).Distinct());
        Assert.Contains(DashboardTelemetry.Spans.Import, Names(trace));
        Assert.Contains(_factory.Spans, s => s.TraceId == trace && s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST", StringComparison.Ordinal));
        // The import's log line ("Imported traced.csv as AmazonOrders: …") was written inside the trace.
        Assert.Contains(_factory.Logs.Entries, e => e.Message.Contains("Imported traced.csv", StringComparison.Ordinal) && e.TraceId == trace.ToHexString());
    }

    [Fact]
    public async Task APagesQueryIsASpanOfItsRequestAndATrainingRunIsATraceOfItsOwn()
    {
        var client = await _factory.SignedInClientAsync();

        using (var overview = await client.GetAsync("/api/orders/overview"))
        {
            overview.EnsureSuccessStatusCode();
            await overview.Content.ReadAsStringAsync();
        }
        // The request's span ends (and is exported) just after its answer: wait for it (a guard, not a timing assertion).
        var request = await SpanAsync(s => s.Kind == ActivityKind.Server && s.DisplayName == "GET /api/orders/overview");
        var query = Assert.Single(_factory.Spans, s => s.TraceId == request.TraceId && s.DisplayName == DashboardTelemetry.Spans.Query);
        Assert.Equal("overview", query.GetTagItem("dashboard.query"));
        Assert.Equal(request.SpanId, query.ParentSpanId);

        // A training run takes minutes and its span is exported when it ends: its start is seen instead.
        var runs = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DashboardTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = a => { if (a.DisplayName == DashboardTelemetry.Spans.Training) runs.Enqueue(a); },
        };
        ActivitySource.AddActivityListener(listener);
        using (var retrain = await client.PostAsync("/api/models/training", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, retrain.StatusCode);
        }
        var post = await SpanAsync(s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /api/models/training");
        for (var deadline = DateTime.UtcNow.AddSeconds(60); runs.IsEmpty; await Task.Delay(100))
        {
            Assert.True(DateTime.UtcNow < deadline, "no training run started");
        }
        // The run is queued by the request and runs in the background: a trace of its own, not a child of the POST.
        Assert.True(runs.TryPeek(out var run));
        Assert.Equal(default, run.ParentSpanId);
        Assert.NotEqual(post.TraceId, run.TraceId);
    }

    /// <summary>The first exported span that <paramref name="match"/> picks, waited for up to a minute.</summary>
    private async Task<Activity> SpanAsync(Func<Activity, bool> match)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(100))
        {
            if (_factory.Spans.FirstOrDefault(match) is { } span)
            {
                return span;
            }
            Assert.True(DateTime.UtcNow < deadline, "no such span was exported: " + string.Join(", ", _factory.Spans.Select(s => s.DisplayName).Distinct()));
        }
    }

    /// <summary>The span names of one trace, in the order the spans started.</summary>
    private List<string> Names(ActivityTraceId trace) =>
        [.. _factory.Spans.Where(s => s.TraceId == trace).OrderBy(s => s.StartTimeUtc).Select(s => s.DisplayName)];

}
