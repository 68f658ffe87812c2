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
