using Microsoft.Data.Analysis;

namespace Dashboard.Core.Orders.Rows;

/// <summary>
/// Frame rows' places in a sort, each packed in one <see cref="Int128"/> (the key above the store id, so that one
/// comparison orders by the value and breaks ties by the id): the column's value (text by its name's ordinal rank, as the
/// stores compare text), negated when descending, <see cref="long.MaxValue"/> for a missing value (last either way).
/// </summary>
internal sealed class SortKeys
{
    private const long Missing = long.MaxValue;

    private readonly OrdersFrame _s;
    private readonly RowsColumn _column;
    private readonly bool _descending;

    public SortKeys(OrdersFrame s, RowsColumn column, bool descending) => (_s, _column, _descending) = (s, column, descending);

    /// <summary>The keys of <paramref name="rows"/>, in their order, into <paramref name="keys"/> (as long as the rows).</summary>
    public void Fill(ReadOnlySpan<int> rows, Span<Int128> keys)
    {
        var ids = _s.Id.Span;
        switch (_column)
        {
            case RowsColumn.Date: Put(rows, keys, ids, _s.Day.Span, r => r); break;
            case RowsColumn.Qty: Put(rows, keys, ids, _s.Qty.Span, q => q); break;
            case RowsColumn.B2B: Put(rows, keys, ids, _s.B2B.Span, b => b ? 1 : 0); break;
            case RowsColumn.Amount: PutAmounts(rows, keys, ids); break;
            case RowsColumn.StatusGroup: Put(rows, keys, ids, _s.Status.Span, Ranks(Enum.GetNames<StatusGroup>())); break;
            case RowsColumn.Category: Put(rows, keys, ids, _s.Category.Span, Ranks(_s.Categories)); break;
            case RowsColumn.State: Put(rows, keys, ids, _s.State.Span, Ranks(_s.States)); break;
            case RowsColumn.Fulfilment: Put(rows, keys, ids, _s.Fulfilment.Span, Ranks(_s.Fulfilments)); break;
            case RowsColumn.Channel: Put(rows, keys, ids, _s.Channel.Span, Ranks(_s.SalesChannels)); break;
            case RowsColumn.ServiceLevel: Put(rows, keys, ids, _s.Service.Span, Ranks(_s.ServiceLevels)); break;
            case RowsColumn.Currency: Put(rows, keys, ids, _s.Currency.Span, Ranks(_s.Currencies)); break;
            default: throw new ArgumentOutOfRangeException(nameof(rows), _column, "The frame does not keep this column.");
        }
    }

    public static Int128 Pack(long key, int id) => ((Int128)key << 32) | (uint)id;

    private long Directed(long value) => _descending ? -value : value;

    private void Put<T>(ReadOnlySpan<int> rows, Span<Int128> keys, ReadOnlySpan<int> ids, ReadOnlySpan<T> values, Func<T, long> value)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            var row = rows[i];
            keys[i] = Pack(Directed(value(values[row])), ids[row]);
        }
    }

    /// <summary>A coded column by its names' ranks; a code without a name (no currency) or the empty name (no state) is missing.</summary>
    private void Put(ReadOnlySpan<int> rows, Span<Int128> keys, ReadOnlySpan<int> ids, ReadOnlySpan<short> codes, long[] rank)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            var row = rows[i];
            var code = codes[row];
            keys[i] = Pack(code < 0 || rank[code] < 0 ? Missing : Directed(rank[code]), ids[row]);
        }
    }

    private void Put(ReadOnlySpan<int> rows, Span<Int128> keys, ReadOnlySpan<int> ids, ReadOnlySpan<byte> codes, long[] rank)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            var row = rows[i];
            keys[i] = Pack(Directed(rank[codes[row]]), ids[row]);
        }
    }

    /// <summary>Amounts, read with the column's validity bits (a line without an amount is missing).</summary>
    private void PutAmounts(ReadOnlySpan<int> rows, Span<Int128> keys, ReadOnlySpan<int> ids)
    {
        var column = (PrimitiveDataFrameColumn<long>)_s.Frame[OrdersFrame.AmountColumn];
        var valid = column.GetReadOnlyNullBitMapBuffers().Single().Span;
        var amounts = _s.AmountMinor.Span;
        for (var i = 0; i < keys.Length; i++)
        {
            var row = rows[i];
            var isValid = (valid[row >> 3] & (1 << (row & 7))) != 0;
            keys[i] = Pack(isValid ? Directed(amounts[row]) : Missing, ids[row]);
        }
    }

    /// <summary>Each name's place among the names in ordinal order; -1 for the empty name (a state the line has not).</summary>
    private static long[] Ranks(IReadOnlyList<string> names)
    {
        var order = Enumerable.Range(0, names.Count).OrderBy(i => names[i], StringComparer.Ordinal).ToArray();
        var rank = new long[names.Count];
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i]] = names[order[i]].Length == 0 ? -1 : i;
        }
        return rank;
    }
}
