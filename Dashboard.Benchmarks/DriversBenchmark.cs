using Dashboard.Core.Analytics;
using Dashboard.Core.Drivers;
using Dashboard.Core.Weekly;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

/// <summary>
/// The drivers' acceptance on a real store (docs/decisions/0032-drivers-mix-and-rate.md): for every week of the data, every
/// KPI and every dimension, the parts sum exactly to the change, and the change is the weekly review's; with the median time
/// of one breakdown. Exits 1 on the first week that does not add up.
/// </summary>
internal static class DriversBenchmark
{
    public static async Task<int> RunAsync(string db)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var options = Options.Create(new AnalyticsOptions());
        var cache = new OrdersFrameCache(new PooledDbContextFactory<DashboardDbContext>(new DashboardStore(connectionString, ".").ContextOptions()), new DataVersion(), options);
        var weekly = new WeeklyReviewQuery(cache, options);
        var drivers = new DriversQuery(cache, weekly);
        var frame = await cache.GetAsync();
        var (first, last) = (weekly.WeekOf(frame.MinDate!.Value).AddDays(7), weekly.WeekOf(frame.MaxDate!.Value));
        Console.WriteLine($"Database: {db}; {frame.Count:N0} order lines; weeks {first:yyyy-MM-dd} to {last:yyyy-MM-dd}");
        var times = new List<double>();
        var (checkedCount, weeks) = (0, 0);
        for (var week = first; week <= last; week = week.AddDays(7), weeks++)
        {
            var review = await weekly.GetAsync(week, OrderFilter.None);
            foreach (var kpi in Enum.GetValues<DriverKpi>())
            {
                var shown = review.Kpis[(int)kpi];
                foreach (var by in Enum.GetValues<DriverDimension>())
                {
                    var t = Stopwatch.GetTimestamp();
                    var b = await drivers.WeeklyAsync(week, kpi, by, OrderFilter.None);
                    times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    var sum = b.Parts.Sum(p => p.Contribution);
                    var expected = kpi == DriverKpi.CancellationRate
                        ? Math.Round(shown.Value!.Value, 6, MidpointRounding.AwayFromZero) - Math.Round(shown.PreviousWeek!.Value, 6, MidpointRounding.AwayFromZero)
                        : shown.Value!.Value - shown.PreviousWeek!.Value;
                    if (b.Unavailable is not null || sum != b.Delta || b.Delta != expected)
                    {
                        Console.WriteLine($"NOT EXACT: week {week:yyyy-MM-dd} {kpi} by {by}: parts {sum}, delta {b.Delta}, review {expected} ({b.Unavailable})");
                        return 1;
                    }
                    checkedCount++;
                }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"week {week:yyyy-MM-dd}: 5 KPIs x 4 dimensions exact"));
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{weeks} weeks, {checkedCount} breakdowns: every one sums exactly to the weekly review's change. One breakdown: median {times[times.Count / 2]:F2} ms, max {times[^1]:F2} ms"));
        return 0;
    }
}
