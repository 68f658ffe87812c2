using Dashboard.Core.Analytics;
using Dashboard.Core.Forecasting;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

/// <summary>
/// The forecast's acceptance protocol on a store (docs/decisions/0034-forecast-method-and-intervals.md): daily values, origins
/// every 7 days from 2022-05-01 to 2022-06-12, a 14-day horizon, the history ending the day before each origin; the MAE of
/// the shown forecast against the seasonal-naive forecast's, and how often the 80% and 95% bands held the value. Then the
/// share of days flagged as anomalies, and the server time of forecast + anomalies per filter, uncached and cached.
/// </summary>
internal static class ForecastBenchmark
{
    private static readonly DateOnly FirstOrigin = new(2022, 5, 1);
    private const int Origins = 7;
    private const int Horizon = 14;

    public static async Task RunAsync(string db, int frameMaxLines)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var contexts = new PooledDbContextFactory<DashboardDbContext>(new DashboardStore(connectionString, ".").ContextOptions());
        var analytics = Options.Create(new AnalyticsOptions { FrameMaxLines = frameMaxLines });
        var cache = new OrdersFrameCache(contexts, new DataVersion(), analytics);
        var overview = new OrdersOverviewQuery(cache, analytics);
        var frame = await cache.GetAsync();
        Console.WriteLine($"Database: {db}; {frame.Count:N0} order lines read from {frame.Source}; {Environment.ProcessorCount} cores");

        var categories = (await overview.GetAsync(OrderFilter.None)).Categories.OrderByDescending(c => c.Orders).Take(3).Select(c => c.Category);
        var filters = new List<(string Name, OrderFilter Filter)> { ("no filter", OrderFilter.None) };
        filters.AddRange(categories.Select(c => ($"category {c}", OrderFilter.None with { Categories = [c] })));
        filters.AddRange(new[] { "MAHARASHTRA", "KARNATAKA", "TAMIL NADU", "KERALA" }.Select(s => ($"state {s}", OrderFilter.None with { States = [s] })));
        filters.Add(("fulfilment Merchant", OrderFilter.None with { Fulfilments = ["Merchant"] }));

        Console.WriteLine(Header);
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var (name, filter) in filters)
        {
            foreach (var metric in new[] { OrderMetric.Orders, OrderMetric.Revenue })
            {
                Console.WriteLine((await ProtocolAsync(name, filter, metric, new OrdersForecastQuery(cache, analytics), overview)).Line);
            }
        }
        await SweepAsync(overview, new OrdersForecastQuery(cache, analytics));
        await AnomaliesAsync(filters, new OrdersForecastQuery(cache, analytics));
        await TimesAsync(filters, cache, analytics);
    }

    private const string Header = "| filter | metric | shown (hw/comb/naive per origin) | MAE | naive MAE | ratio | 80% band held | 95% band held |";

    /// <summary>The same protocol on the filters of <see cref="ForecastSweepFilters"/>; orders, units and revenue.</summary>
    private static async Task SweepAsync(OrdersOverviewQuery overview, OrdersForecastQuery query)
    {
        var filters = await ForecastSweepFilters.AllAsync(overview);
        var rows = new List<(double Ratio, double Held80, string Line)>();
        foreach (var (name, filter) in filters)
        {
            foreach (var metric in new[] { OrderMetric.Orders, OrderMetric.Units, OrderMetric.Revenue })
            {
                var row = await ProtocolAsync(name, filter, metric, query, overview);
                if (!double.IsNaN(row.Ratio))
                {
                    rows.Add(row);
                }
            }
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sweep: {filters.Count} filters x 3 metrics = {rows.Count} rows; worst ratio {rows.Max(r => r.Ratio):F3}; worse than naive (> 1.000): {rows.Count(r => r.Ratio > 1.0005)}; median ratio {Median(rows.Select(r => r.Ratio).ToList()):F3}; 80% band held in 70-90%: {rows.Count(r => r.Held80 is >= 70 and <= 90)} of {rows.Count}"));
        Console.WriteLine();
        Console.WriteLine(Header);
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows.OrderByDescending(r => r.Ratio).Take(10))
        {
            Console.WriteLine(row.Line);
        }
        Console.WriteLine();
        Console.WriteLine("The 10 worst rows where the naive forecast was not shown at every origin:");
        Console.WriteLine();
        Console.WriteLine(Header);
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows.Where(r => Math.Abs(r.Ratio - 1) > 1e-9).OrderByDescending(r => r.Ratio).Take(10))
        {
            Console.WriteLine(row.Line);
        }
    }

    private static async Task<(double Ratio, double Held80, string Line)> ProtocolAsync(string name, OrderFilter filter, OrderMetric metric, OrdersForecastQuery query, OrdersOverviewQuery overview)
    {
        var all = (await overview.GetAsync(filter, TimeGrain.Day)).OverTime.Points.ToDictionary(p => p.Start);
        double Value(DateOnly d) => all.TryGetValue(d, out var p) ? metric switch
        {
            OrderMetric.Revenue => (double)p.Revenue,
            OrderMetric.Units => p.Units,
            _ => p.Orders,
        } : 0;
        double error = 0, naiveError = 0;
        int in80 = 0, in95 = 0, days = 0, hw = 0, comb = 0;
        for (var k = 0; k < Origins; k++)
        {
            var origin = FirstOrigin.AddDays(7 * k);
            var forecast = await query.ForecastAsync(filter with { To = origin.AddDays(-1) }, metric, TimeGrain.Day, Horizon);
            hw += forecast.Method == "holt-winters" ? 1 : 0;
            comb += forecast.Method == "combination" ? 1 : 0;
            if (Environment.GetEnvironmentVariable("FORECAST_LIST") is { Length: > 0 })
            {
                Console.WriteLine(string.Join(" ", forecast.Forecast.Select(p => p.Expected.ToString("F0", CultureInfo.InvariantCulture))) + " | " + forecast.Reason);
            }
            for (var h = 1; h <= Horizon; h++)
            {
                var day = origin.AddDays(h - 1);
                var actual = Value(day);
                var naive = Value(origin.AddDays(-7 + (h - 1) % 7));
                var p = forecast.Forecast.FirstOrDefault(x => x.Date == day);
                error += Math.Abs(actual - (p?.Expected ?? naive));
                naiveError += Math.Abs(actual - naive);
                in80 += p is not null && actual >= p.Low80 && actual <= p.High80 ? 1 : 0;
                in95 += p is not null && actual >= p.Low95 && actual <= p.High95 ? 1 : 0;
                days++;
            }
        }
        var ratio = naiveError == 0 ? double.NaN : error / naiveError;
        return (ratio, 100.0 * in80 / days, string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {metric.ToString().ToLowerInvariant()} | {hw}/{comb}/{Origins - hw - comb} | {error / days:N1} | {naiveError / days:N1} | {ratio:F3} | {100.0 * in80 / days:F1}% | {100.0 * in95 / days:F1}% |"));
    }

    private static async Task AnomaliesAsync(List<(string Name, OrderFilter Filter)> filters, OrdersForecastQuery query)
    {
        Console.WriteLine();
        Console.WriteLine("| filter | days | orders: flagged | revenue: flagged |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, filter) in filters)
        {
            var orders = await query.AnomaliesAsync(filter, OrderMetric.Orders, TimeGrain.Day);
            var revenue = await query.AnomaliesAsync(filter, OrderMetric.Revenue, TimeGrain.Day);
            if (Environment.GetEnvironmentVariable("FORECAST_LIST") is { Length: > 0 })
            {
                Console.WriteLine(string.Join("; ", orders.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Date:ddd dd MMM}: {a.Value:N0} ({a.Low:N0}-{a.High:N0})"))));
            }
            var forecast = await query.ForecastAsync(filter, OrderMetric.Orders, TimeGrain.Day);
            var days = forecast.Forecast.Count > 0 ? forecast.Forecast[0].Date.DayNumber - new DateOnly(2022, 3, 31).DayNumber : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {days} | {orders.Count} ({100.0 * orders.Count / days:F1}%) | {revenue.Count} ({100.0 * revenue.Count / days:F1}%) |"));
        }
    }

    private static async Task TimesAsync(List<(string Name, OrderFilter Filter)> filters, OrdersFrameCache cache, IOptions<AnalyticsOptions> analytics)
    {
        var cold = new List<double>();
        var warm = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var query = new OrdersForecastQuery(cache, analytics);
            foreach (var (_, filter) in filters)
            {
                foreach (var metric in Enum.GetValues<OrderMetric>())
                {
                    var t = Stopwatch.GetTimestamp();
                    await query.ForecastAsync(filter, metric, TimeGrain.Day);
                    await query.AnomaliesAsync(filter, metric, TimeGrain.Day);
                    cold.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    t = Stopwatch.GetTimestamp();
                    await query.ForecastAsync(filter, metric, TimeGrain.Day);
                    await query.AnomaliesAsync(filter, metric, TimeGrain.Day);
                    warm.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
            }
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Forecast + anomalies, day grain, {filters.Count} filters x 3 metrics x 5 rounds: uncached median {Median(cold):F2} ms (max {cold.Max():F1}), cached median {Median(warm):F3} ms"));
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
