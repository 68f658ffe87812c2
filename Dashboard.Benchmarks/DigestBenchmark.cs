using Dashboard.Core.Analytics;
using Dashboard.Core.Weekly;
using Dashboard.Core.Digests;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using MimeKit;

/// <summary>
/// Server-side rendering of one weekly digest's four charts with ScottPlot (decision 0012): the first digest of a process
/// (SkiaSharp's native library, fonts and JIT included) and then the median of repeated digests, each with its own
/// review (the filters change), plus composing the whole MIME message around them.
/// </summary>
internal static class DigestBenchmark
{
    public static async Task RunAsync(string db, int runs)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var options = new DashboardStore(connectionString, ".").ContextOptions();
        var cache = new OrdersFrameCache(new PooledDbContextFactory<DashboardDbContext>(options), new DataVersion(), Options.Create(new AnalyticsOptions()));
        var query = new WeeklyReviewQuery(cache, Options.Create(new AnalyticsOptions()));
        var frame = await cache.GetAsync();
        Console.WriteLine($"Database: {db}; {frame.Count:N0} order lines; {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");

        OrderFilter[] filters =
        [
            OrderFilter.None,
            OrderFilter.None with { Categories = ["Set"] },
            OrderFilter.None with { States = ["MAHARASHTRA"] },
            OrderFilter.None with { Categories = ["Set"], States = ["MAHARASHTRA"] },
        ];
        var reviews = new List<WeeklyReview>();
        foreach (var filter in filters)
        {
            reviews.Add(await query.GetAsync(null, filter));
        }
        Console.WriteLine($"Week {reviews[0].Week?.Week.From:yyyy-MM-dd}; {reviews[0].Categories.Count} categories, {reviews[0].StateMovers.Count} state movers");

        var cold = Stopwatch.StartNew();
        var first = DigestCharts.Render(reviews[0], new Dashboard.Core.Display.DisplayNumbers(Dashboard.Core.Display.DisplayCultures.India));
        cold.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"First digest of the process (cold: Skia native load, fonts, JIT): 4 charts in {cold.Elapsed.TotalMilliseconds:F1} ms, {first.Sum(c => c.Png.Length) / 1024.0:F0} KB of PNG"));

        if (Environment.GetEnvironmentVariable("DIGEST_PNG_DIR") is { Length: > 0 } folder)
        {
            foreach (var chart in first)
            {
                await File.WriteAllBytesAsync(Path.Combine(folder, chart.ContentId + ".png"), chart.Png);
            }
        }
        var charts = new List<double>(runs);
        var whole = new List<double>(runs);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            var review = reviews[i % reviews.Count];
            var t = Stopwatch.GetTimestamp();
            var rendered = DigestCharts.Render(review, new Dashboard.Core.Display.DisplayNumbers(Dashboard.Core.Display.DisplayCultures.India));
            charts.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            var request = new DigestRequest(review, MailboxAddress.Parse("dashboard@example.test"), MailboxAddress.Parse("manager@example.test"),
                "https://dashboard.example.test/weekly", "https://dashboard.example.test/digest/unsubscribe?token=x", Culture: Dashboard.Core.Display.DisplayCultures.India);
            using var message = DigestComposer.Compose(request, rendered);
            using var bytes = new MemoryStream();
            message.WriteTo(bytes);
            whole.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        // CPU time is what a digest costs the machine whatever else runs on it; wall-clock times grow with the load.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU time of the process per digest (charts + message, warm): {cpu.TotalMilliseconds / runs:F1} ms; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Report("One digest's 4 charts (warm, ScottPlot -> PNG)", charts);
        Report("One digest's 4 charts + MIME message composed and serialised", whole);
    }

    private static void Report(string what, List<double> times)
    {
        times.Sort();
        double P(double p) => times[(int)Math.Min(times.Count - 1, Math.Round(p * (times.Count - 1)))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: n={times.Count}, median {P(0.5):F1} ms, p90 {P(0.9):F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms"));
    }
}
