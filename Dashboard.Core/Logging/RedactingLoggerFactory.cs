using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Logging;

/// <summary>
/// The app's logger factory, whose loggers pass each entry on with its secrets masked (<see cref="LogRedaction"/>). It
/// wraps the platform's factory rather than its providers, so that provider-specific settings (<c>Logging:Console:…</c>)
/// and formatters (<c>Logging:Console:FormatterName=json</c>) work as documented.
/// </summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
