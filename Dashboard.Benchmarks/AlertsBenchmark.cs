using Dashboard.Core.Alerts;
using Dashboard.Core.Analytics;
using Dashboard.Core.Forecasting;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

/// <summary>
/// 100 alert rules judged for the days an import of the whole export touches (docs/decisions/0037-alerts.md): a mix of
/// the five metrics, day and week grain, above/below/change conditions and 10 expected-range rules, each under one category
/// or none. Prints the median of the rounds for the 100 rules, and for the 90 without the forecast.
/// </summary>
internal static class AlertsBenchmark
{
    public static async Task<int> RunAsync(string db, int rounds)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var options = Options.Create(new AnalyticsOptions());
        var contexts = new PooledDbContextFactory<DashboardDbContext>(new DashboardStore(connectionString, ".").ContextOptions());
        var cache = new OrdersFrameCache(contexts, new DataVersion(), options);
        var evaluator = new AlertEvaluator(cache, new OrdersForecastQuery(cache, options), contexts, options, TimeProvider.System);
        var frame = await cache.GetAsync();
        var touched = new DateRange(frame.MinDate!.Value, frame.MaxDate!.Value);
        var metrics = Enum.GetValues<AlertMetric>();
        var rules = Enumerable.Range(0, 100).Select(i => new AlertRule
        {
            Id = i, Name = $"rule {i}", Email = "x@example.test",
            Metric = i < 10 ? AlertMetric.Orders : metrics[i % metrics.Length],
            Grain = i % 3 == 0 ? TimeGrain.Week : TimeGrain.Day,
            Condition = i < 10 ? AlertCondition.OutsideRange : (AlertCondition)(i % 3),
            Value = i % 3 == 2 ? 20 : 100,
            Filter = i % 4 == 0 ? "" : "category=" + Uri.EscapeDataString(frame.Categories[i % frame.Categories.Count]),
        }).ToList();
        Console.WriteLine($"Database: {db}; {frame.Count:N0} order lines; touched {touched.From:yyyy-MM-dd} to {touched.To:yyyy-MM-dd} ({touched.Days} days)");
        var all = new List<double>();
        var plain = new List<double>();
        var hits = 0;
        for (var round = 0; round < rounds; round++)
        {
            var t = Stopwatch.GetTimestamp();
            var withoutForecast = 0.0;
            hits = 0;
            var shared = new AlertMeasures(); // as a check shares it across its rules
            foreach (var rule in rules)
            {
                var r = Stopwatch.GetTimestamp();
                hits += (await evaluator.EvaluateAsync(rule, touched, default, shared)).Count;
                if (rule.Condition != AlertCondition.OutsideRange)
                {
                    withoutForecast += Stopwatch.GetElapsedTime(r).TotalMilliseconds;
                }
            }
            all.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            plain.Add(withoutForecast);
        }
        all.Sort();
        plain.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"100 rules, {hits} hits: median {all[all.Count / 2]:F1} ms (first round {all[^1]:F1} ms max); the 90 without the forecast: median {plain[plain.Count / 2]:F1} ms"));
        return 0;
    }
}
