using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Logging;

/// <summary>
/// Passes an entry on as it is, or, when one of its values (text or address) holds a secret, as a
/// <see cref="RedactedLogState"/>: the same names, the values and the message masked.
/// </summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return; // nothing would write it: no need to look (LogInformation and the like do not ask first)
        }
        if (state is IReadOnlyList<KeyValuePair<string, object?>> values && HasSecret(values))
        {
            var redacted = new RedactedLogState(
                [.. values.Select(v => v.Key == "{OriginalFormat}" || Text(v.Value) is not { } text ? v : new(v.Key, LogRedaction.Redact(text)))],
                LogRedaction.Redact(formatter(state, exception)));
            inner.Log(logLevel, eventId, redacted, exception, static (s, _) => s.ToString());
            return;
        }
        inner.Log(logLevel, eventId, state, exception, formatter);
    }

    private static bool HasSecret(IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (Text(values[i].Value) is { } text && LogRedaction.HasSecret(text))
            {
                return true;
            }
        }
        return false;
    }

    private static string? Text(object? value) => value switch
    {
        string text => text,
        Uri uri => uri.OriginalString,
        _ => null,
    };
}
