using System.Runtime.InteropServices;
using Microsoft.Data.Analysis;

namespace Dashboard.Core.Analytics.Frames;

/// <summary>
/// A primitive column filled in place before it becomes a <see cref="DataFrame"/> column: the values live in one
/// byte array that the column wraps without copying (<c>PrimitiveDataFrameColumn(name, buffer, nullBitMap, length, nullCount)</c>),
/// so loading a frame allocates each column once, at its final size.
/// </summary>
internal sealed class ColumnBuffer<T>(int length)
    where T : unmanaged
{
    private readonly byte[] _bytes = new byte[checked(length * Marshal.SizeOf<T>())];
    private byte[]? _valid;
    private int _nulls;

    public Span<T> Values => MemoryMarshal.Cast<byte, T>(_bytes.AsSpan());

    /// <summary>Marks a row null (its value stays default); the first call creates the validity bitmap.</summary>
    public void SetNull(int row)
    {
        if (_valid is null)
        {
            _valid = new byte[(length + 7) / 8];
            _valid.AsSpan().Fill(0xFF);
        }
        _valid[row >> 3] &= (byte)~(1 << (row & 7));
        _nulls++;
    }

    public ReadOnlyMemory<byte> Bytes => _bytes;
    public ReadOnlyMemory<byte> NullBitMap => _valid ?? ReadOnlyMemory<byte>.Empty;
    public int NullCount => _nulls;
    public int Length => length;
}

/// <summary>Typed columns of our frames, built over <see cref="ColumnBuffer{T}"/>s, and the spans the hot loops read.</summary>
internal static class FrameColumns
{
    public static Int16DataFrameColumn Int16(string name, ColumnBuffer<short> b) => new(name, b.Bytes, b.NullBitMap, b.Length, b.NullCount);
    public static Int32DataFrameColumn Int32(string name, ColumnBuffer<int> b) => new(name, b.Bytes, b.NullBitMap, b.Length, b.NullCount);
    public static Int64DataFrameColumn Int64(string name, ColumnBuffer<long> b) => new(name, b.Bytes, b.NullBitMap, b.Length, b.NullCount);
    public static ByteDataFrameColumn Byte(string name, ColumnBuffer<byte> b) => new(name, b.Bytes, b.NullBitMap, b.Length, b.NullCount);
    public static BooleanDataFrameColumn Boolean(string name, ColumnBuffer<bool> b) => new(name, b.Bytes, b.NullBitMap, b.Length, b.NullCount);

    /// <summary>
    /// The values of a column as one memory block. Our frames' columns are built from one buffer each (up to
    /// ~268 M rows for 8-byte values), so the hot loops index one span per column.
    /// </summary>
    public static ReadOnlyMemory<T> Single<T>(DataFrameColumn column)
        where T : unmanaged
    {
        var buffers = ((PrimitiveDataFrameColumn<T>)column).GetReadOnlyDataBuffers().ToList();
        return buffers.Count switch
        {
            0 => ReadOnlyMemory<T>.Empty,
            1 => buffers[0],
            _ => throw new InvalidOperationException($"Column {column.Name} spans {buffers.Count} buffers; frames are built with one."),
        };
    }
}

/// <summary>Dictionary codes of a text column: the first value seen gets code 0, and so on.</summary>
internal sealed class TextCodes
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    /// <summary>The code of an <c>Int16</c> code column (the charts' dimensions, a few hundred values at most).</summary>
    public short Code(string value)
    {
        var code = WideCode(value);
        return code <= short.MaxValue
            ? (short)code
            : throw new InvalidOperationException($"More than {short.MaxValue} distinct values in one text column.");
    }

    /// <summary>The code of an <c>Int32</c> code column (values without a small bound, such as cities).</summary>
    public int WideCode(string value)
    {
        if (!_codes.TryGetValue(value, out var code))
        {
            code = _names.Count;
            _codes.Add(value, code);
            _names.Add(value);
        }
        return code;
    }

    public IReadOnlyList<string> Names => _names;
}

/// <summary>Reading a (possibly filtered) frame's columns back into arrays, for the exports.</summary>
internal static class FrameValues
{
    public static T[] ToArray<T>(DataFrameColumn column)
        where T : unmanaged
    {
        var values = new T[column.Length];
        var at = 0;
        foreach (var buffer in ((PrimitiveDataFrameColumn<T>)column).GetReadOnlyDataBuffers())
        {
            buffer.Span.CopyTo(values.AsSpan(at));
            at += buffer.Length;
        }
        return values;
    }

    public static T?[] ToNullableArray<T>(DataFrameColumn column)
        where T : unmanaged
    {
        var typed = (PrimitiveDataFrameColumn<T>)column;
        var values = new T?[typed.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = typed[i];
        }
        return values;
    }
}
