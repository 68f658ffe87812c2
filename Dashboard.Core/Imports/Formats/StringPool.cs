namespace Dashboard.Core.Imports.Formats;

/// <summary>One string instance per distinct value, for columns with few distinct values (status, category, size...).</summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return "";
        }
        if (_lookup.TryGetValue(text, out var existing))
        {
            return existing;
        }
        if (_strings.Count > 100_000)
        {
            return text.ToString(); // a free-text column: stop pooling rather than grow without bound
        }
        var created = text.ToString();
        _strings[created] = created;
        return created;
    }
}
