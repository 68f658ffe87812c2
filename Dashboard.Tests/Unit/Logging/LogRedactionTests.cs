using Dashboard.Core.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Unit.Logging;

public sealed class LogRedactionTests
{
    [Theory]
    [InlineData("GET /mail/confirm?token=CfDJ8abc-_xyz", "GET /mail/confirm?token=***")]
    [InlineData("/digest/unsubscribe?week=2022-06-20&token=abc%2Fdef&x=1", "/digest/unsubscribe?week=2022-06-20&token=***&x=1")]
    [InlineData("?TOKEN=abc", "?TOKEN=***")]
    [InlineData("/api?key=k1&password=p1", "/api?key=***&password=***")]
    [InlineData("Host=db;Username=dashboard;Password=s3cret;Database=x", "Host=db;Username=dashboard;Password=***;Database=x")]
    [InlineData("could not open 'Data Source=x.db; pwd = s3cret'", "could not open 'Data Source=x.db; pwd = ***'")]
    [InlineData("GET /api/orders/overview?from=2022-04-01&category=Set", "GET /api/orders/overview?from=2022-04-01&category=Set")]
    [InlineData("The password is too short", "The password is too short")]
    public void SecretsInATextAreMaskedAndTheRestIsKept(string text, string expected)
    {
        Assert.Equal(expected, LogRedaction.Redact(text));
    }

    [Fact]
    public void EveryLoggerOfTheAppPassesOnItsEntriesWithSecretsMaskedAndOthersUnchanged()
    {
        var captured = new Captured();
        using var services = new ServiceCollection().AddLogRedaction()
            .AddLogging(b => b.AddProvider(captured).SetMinimumLevel(LogLevel.Trace)).BuildServiceProvider();
        var logger = services.GetRequiredService<ILogger<LogRedactionTests>>();

        logger.LogInformation("Request starting {Path}{QueryString}", "/mail/confirm", "?token=secret-value");
        logger.LogInformation("Imported {Rows} rows from {File}", 12, "orders.csv");

        Assert.Equal(["Request starting /mail/confirm?token=***", "Imported 12 rows from orders.csv"], captured.Messages);
        Assert.Equal("?token=***", captured.States[0].Single(p => p.Key == "QueryString").Value);
        Assert.Equal("Request starting {Path}{QueryString}", captured.States[0].Single(p => p.Key == "{OriginalFormat}").Value);
        Assert.Equal(12, captured.States[1].Single(p => p.Key == "Rows").Value);
    }

    private sealed class Captured : ILoggerProvider, ILogger
    {
        public List<string> Messages { get; } = [];
        public List<IReadOnlyList<KeyValuePair<string, object?>>> States { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Messages.Add(formatter(state, exception));
            States.Add((IReadOnlyList<KeyValuePair<string, object?>>)state!);
        }

        public void Dispose()
        {
        }
    }
}
