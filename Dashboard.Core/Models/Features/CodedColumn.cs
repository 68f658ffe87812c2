namespace Dashboard.Core.Models.Features;

/// <summary>
/// A text column as the frames hold one: a code per row (<c>Int16</c> or <c>Int32</c>) that indexes <see cref="Names"/>. A
/// negative code, a row the validity bits mark null, or a null name is a missing value. The codes are the frame's own buffers,
/// not a copy; a rule on the text (<see cref="Map{T}"/>) runs once per name, not once per row.
/// </summary>
public sealed class CodedColumn
{
    private readonly ReadOnlyMemory<short> _short;
    private readonly ReadOnlyMemory<int> _int;
    private readonly ReadOnlyMemory<byte> _valid;
    private readonly bool _wide;

    /// <summary>Codes of an <c>Int16</c> column; <paramref name="valid"/> holds the column's validity bits (bit r of byte r / 8 set:
    /// row r has a value), empty when every row has one.</summary>
    public CodedColumn(ReadOnlyMemory<short> codes, IReadOnlyList<string?> names, ReadOnlyMemory<byte> valid = default)
    {
        _short = codes;
        _valid = valid;
        Names = names;
    }

    public CodedColumn(ReadOnlyMemory<int> codes, IReadOnlyList<string?> names, ReadOnlyMemory<byte> valid = default)
    {
        _int = codes;
        _valid = valid;
        _wide = true;
        Names = names;
    }

    public IReadOnlyList<string?> Names { get; }

    /// <summary>The code of <paramref name="row"/>; −1 when the row has no value.</summary>
    public int Code(int row)
    {
        if (!_valid.IsEmpty && (_valid.Span[row >> 3] & (1 << (row & 7))) == 0)
            return -1;
        return _wide ? _int.Span[row] : _short.Span[row];
    }

    /// <summary>The text of <paramref name="row"/>; null when it has none.</summary>
    public string? Text(int row) => Code(row) is var code and >= 0 ? Names[code] : null;

    /// <summary><paramref name="rule"/> applied to the text of each of <paramref name="rows"/>, computed once per name.</summary>
    public T[] Map<T>(ReadOnlySpan<int> rows, Func<string?, T> rule)
    {
        var byCode = new T[Names.Count];
        var done = new bool[Names.Count];
        var missing = new Lazy<T>(() => rule(null));
        var result = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var code = Code(rows[i]);
            if (code < 0)
            {
                result[i] = missing.Value;
                continue;
            }
            if (!done[code])
                (byCode[code], done[code]) = (rule(Names[code]), true);
            result[i] = byCode[code];
        }
        return result;
    }
}
