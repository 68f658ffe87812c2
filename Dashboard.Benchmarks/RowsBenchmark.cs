using Dashboard.Core.Analytics;
using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Orders.Rows;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

/// <summary>
/// The rows explorer's server side: a page of 50 lines sorted by amount, descending, under each of the 60 filters
/// (<see cref="FilterMix"/>), timed call by call; and the whole export written as .xlsx, timed, with its memory.
/// </summary>
internal static class RowsBenchmark
{
    public static async Task PagesAsync(string database, int rounds, int frameMaxLines)
    {
        var (contexts, cache) = Open(database, frameMaxLines);
        var rows = new OrderRowsQuery(cache, contexts);
        var overview = new OrdersOverviewQuery(cache, Options.Create(new AnalyticsOptions { FrameMaxLines = frameMaxLines }));
        var data = await cache.GetAsync();
        var filters = FilterMix.Of(data).Select(f => f.Filter).ToList();
        Console.WriteLine($"{data.Count:N0} lines, read {data.Source}; {filters.Count} filters x {rounds} rounds; {Environment.ProcessorCount} cores, load {Load()}");
        // The overview's own time, interleaved in the same minutes: a yardstick of the machine's load (about 1.1 ms when quiet).
        var yardstick = new List<double>();
        foreach (var (sort, descending) in new[] { (RowsColumn.Amount, true), (RowsColumn.Date, false), (RowsColumn.OrderId, false) })
        {
            var times = new List<double>();
            var nextTimes = new List<double>();
            var (slowest, slowestFilter) = (0.0, -1);
            long lines = 0;
            for (var round = 0; round < rounds + 1; round++)
            {
                foreach (var filter in filters)
                {
                    var t = Stopwatch.GetTimestamp();
                    var page = await rows.PageAsync(new RowsRequest(filter, null, sort, descending, 0, 50));
                    var elapsed = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                    t = Stopwatch.GetTimestamp();
                    GC.KeepAlive(await overview.GetAsync(filter));
                    var overviewTime = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                    // The next page, after the first one's last row (keyset paging past the frame).
                    t = Stopwatch.GetTimestamp();
                    if (page.Rows.Count == 50)
                    {
                        GC.KeepAlive(await rows.PageAsync(new RowsRequest(filter, null, sort, descending, 0, 50, RowsCursor.After(page.Rows[^1], sort, descending))));
                    }
                    if (round > 0) // the first round warms up
                    {
                        times.Add(elapsed);
                        (slowest, slowestFilter) = elapsed > slowest ? (elapsed, filters.IndexOf(filter)) : (slowest, slowestFilter);
                        if (page.Rows.Count == 50)
                        {
                            nextTimes.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                        }
                        yardstick.Add(overviewTime);
                        lines += page.Rows.Count;
                    }
                }
            }
            times.Sort();
            nextTimes.Sort();
            double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
            double N(double q) => nextTimes.Count == 0 ? double.NaN : nextTimes[Math.Min(nextTimes.Count - 1, (int)Math.Ceiling(q * nextTimes.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"page of 50 by {RowsColumns.KeyOf(sort)} {(descending ? "desc" : "asc")}: n={times.Count}, median {P(0.5):F2} ms, p90 {P(0.9):F2} ms, p99 {P(0.99):F2} ms, max {times[^1]:F2} ms ({lines / (double)times.Count:F1} rows a page); the next page by its cursor (n={nextTimes.Count}): median {N(0.5):F2} ms, p90 {N(0.9):F2} ms, p99 {N(0.99):F2} ms; slowest: filter {slowestFilter} ({filters[slowestFilter]}); the overview meanwhile: median {yardstick.Order().ElementAt(yardstick.Count / 2):F2} ms; load {Load()}"));
            yardstick.Clear();
        }
    }

    public static async Task XlsxAsync(string database, string file, int frameMaxLines)
    {
        var (contexts, cache) = Open(database, frameMaxLines);
        var export = new OrderLinesExport(cache, contexts, Options.Create(new DownloadOptions()));
        var data = await cache.GetAsync();
        GC.Collect();
        var before = Environment.WorkingSet;
        var t = Stopwatch.StartNew();
        await using (var stream = File.Create(file))
        {
            ITableWriter writer = file.EndsWith(".csv", StringComparison.Ordinal) ? new CsvExport(stream) : new XlsxExport(stream);
            await export.WriteAsync(new RowsRequest(OrderFilter.None, null, RowsColumn.Amount, Descending: true), writer);
            await writer.CompleteAsync(CancellationToken.None);
        }
        t.Stop();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{file}: {data.Count:N0} lines read {data.Source}, {new FileInfo(file).Length / 1048576.0:F1} MB in {t.ElapsedMilliseconds} ms; working set before {before / 1048576.0:F0} MB, process peak {process.PeakWorkingSet64 / 1048576.0:F0} MB, GC heap peak {PeakHeap() / 1048576.0:F0} MB; load {Load()}"));
    }

    private static (PooledDbContextFactory<DashboardDbContext>, OrdersFrameCache) Open(string database, int frameMaxLines)
    {
        var postgres = database.StartsWith("Host=", StringComparison.OrdinalIgnoreCase);
        var connectionString = postgres ? database : new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var store = new DashboardStore(connectionString, ".", postgres ? StoreProvider.PostgreSql : StoreProvider.Sqlite);
        var contexts = new PooledDbContextFactory<DashboardDbContext>(store.ContextOptions());
        return (contexts, new OrdersFrameCache(contexts, new DataVersion(), Options.Create(new AnalyticsOptions { FrameMaxLines = frameMaxLines })));
    }

    private static long PeakHeap() =>
        new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background }.Max(k => GC.GetGCMemoryInfo(k).HeapSizeBytes);

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
