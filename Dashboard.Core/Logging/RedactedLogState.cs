using System.Collections;

namespace Dashboard.Core.Logging;

/// <summary>A log entry's values and message with its secrets masked: what structured formatters (JSON) and exporters read.</summary>
internal sealed class RedactedLogState(IReadOnlyList<KeyValuePair<string, object?>> values, string message)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    public KeyValuePair<string, object?> this[int index] => values[index];

    public int Count => values.Count;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => message;
}
