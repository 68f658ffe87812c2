namespace Dashboard.Core.Imports.Formats;

/// <summary>A stable 64-bit FNV-1a hash of a row's values (string.GetHashCode is randomised per process).</summary>
internal struct ContentHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private ulong _hash;

    public static ContentHash Start() => new() { _hash = Offset };

    public void Add(ReadOnlySpan<char> text)
    {
        var hash = _hash;
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }
        _hash = (hash ^ 0x1F) * Prime; // unit separator: ("ab","c") differs from ("a","bc")
    }

    public void Add(string? text)
    {
        if (text is null)
        {
            _hash = (_hash ^ 0x1E) * Prime; // null differs from ""
            return;
        }
        Add(text.AsSpan());
    }

    public void Add(long? value)
    {
        if (value is null)
        {
            Add((string?)null);
            return;
        }
        Span<char> digits = stackalloc char[24];
        value.Value.TryFormat(digits, out var n, default, System.Globalization.CultureInfo.InvariantCulture);
        Add(digits[..n]);
    }

    public readonly long Value => unchecked((long)_hash);
}
