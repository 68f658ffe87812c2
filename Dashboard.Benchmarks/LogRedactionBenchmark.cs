using Dashboard.Core.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The cost of the app's redacting logger factory (Dashboard.Core/Logging) per log call, against the platform's factory,
/// A/B in one run: an ordinary request log entry and one with a token in its query, to an enabled provider that formats
/// each message (as the console logger does) and keeps nothing.
/// </summary>
internal static class LogRedactionBenchmark
{
    public static void Run(int calls, int rounds)
    {
        using var plain = Provider(redacting: false);
        using var redacting = Provider(redacting: true);
        var loggers = new[] { ("platform", Logger(plain)), ("redacting", Logger(redacting)) };
        foreach (var (_, logger) in loggers)
        {
            Log(logger, 10_000, "?week=2022-06-20"); // JIT and caches
        }
        foreach (var query in new[] { "?week=2022-06-20", "?token=CfDJ8Bbtlo78ryVDqzzKq1lUjVy59fIXR2KvIdvqatGD55qhSuZSoNE9V6n8se3t2KwM5lU0h" })
        {
            var times = loggers.ToDictionary(l => l.Item1, _ => new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, logger) in round % 2 == 0 ? loggers : loggers.Reverse())
                {
                    var clock = Stopwatch.StartNew();
                    Log(logger, calls, query);
                    times[name].Add(clock.Elapsed.TotalNanoseconds / calls);
                }
            }
            Console.WriteLine($"query {query[..Math.Min(query.Length, 16)]}…: " + string.Join(", ",
                times.Select(t => $"{t.Key} median {Median(t.Value):F0} ns/call")));
        }
    }

    private static ServiceProvider Provider(bool redacting)
    {
        var services = new ServiceCollection();
        if (redacting)
        {
            services.AddLogRedaction();
        }
        services.AddLogging(b => b.ClearProviders().AddProvider(new Formatting()).SetMinimumLevel(LogLevel.Information));
        return services.BuildServiceProvider();
    }

    private static ILogger Logger(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");

    private static void Log(ILogger logger, int calls, string query)
    {
        for (var i = 0; i < calls; i++)
        {
            logger.LogInformation("Request starting {Protocol} {Method} {Scheme}://{Host}{PathBase}{Path}{QueryString}",
                "HTTP/1.1", "GET", "http", "127.0.0.1:5080", "", "/mail/confirm", query);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>Formats every message, as a console logger would, and drops it.</summary>
    private sealed class Formatting : ILoggerProvider, ILogger
    {
        public static int Length;

        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Length += formatter(state, exception).Length;
        public void Dispose()
        {
        }
    }
}
