using Microsoft.Data.Analysis;

namespace Dashboard.Core.Analytics.Frames;

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
