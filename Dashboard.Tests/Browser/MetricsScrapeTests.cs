using System.Net;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Browser;

/// <summary>
/// <c>/metrics</c> of a real app process, on Kestrel (the in-memory test server has no connections and no memory pool): the
/// request and connection meters are there, and the meters the pipeline drops for their cost are not
/// (decision 0029-metrics-and-traces).
/// </summary>
[TestDuration(12)]
public sealed class MetricsScrapeTests
{
    [Fact]
    public async Task AScrapeHoldsTheRequestAndConnectionMetersAndNotKestrelsMemoryPool()
    {
        using var db = new TempDatabase();
        await using var app = await AppProcess.StartAsync(db.ConnectionString, new Dictionary<string, string> { ["Models__TrainOnFirstStart"] = "false" },
            browser: false);
        for (var i = 0; i < 5; i++)
        {
            using var page = await app.Http.GetAsync("/account/login"); // rents and returns Kestrel's memory blocks
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var scrape = await app.Http.GetStringAsync("/metrics");

        var names = scrape.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('{', ' ')[0]).ToHashSet();
        Assert.Contains("http_server_request_duration_seconds_count", names);
        Assert.Contains(names, n => n.StartsWith("kestrel_", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("aspnetcore_memory_pool", StringComparison.Ordinal));
    }
}
