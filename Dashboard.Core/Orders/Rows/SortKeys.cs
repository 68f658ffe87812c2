using Microsoft.Data.Analysis;

namespace Dashboard.Core.Orders.Rows;

/// <summary>
/// A frame row's place in a sort, as (key, store id): the column's value (text by its name's ordinal rank, as the
/// stores compare text), negated when descending, <see cref="long.MaxValue"/> for a missing value (last either way).
/// </summary>
internal sealed class SortKeys
{
    private const long Missing = long.MaxValue;

    private readonly OrdersFrame _s;
    private readonly RowsColumn _column;
    private readonly bool _descending;
    private readonly long[]? _rank;
    private readonly PrimitiveDataFrameColumn<long> _amounts;

    public SortKeys(OrdersFrame s, RowsColumn column, bool descending)
    {
        _s = s;
        _column = column;
        _descending = descending;
        _amounts = (PrimitiveDataFrameColumn<long>)s.Frame[OrdersFrame.AmountColumn];
        _rank = column switch
        {
            RowsColumn.StatusGroup => Ranks(Enum.GetNames<StatusGroup>()),
            RowsColumn.Category => Ranks(s.Categories),
            RowsColumn.State => Ranks(s.States),
            RowsColumn.Fulfilment => Ranks(s.Fulfilments),
            RowsColumn.Channel => Ranks(s.SalesChannels),
            RowsColumn.ServiceLevel => Ranks(s.ServiceLevels),
            RowsColumn.Currency => Ranks(s.Currencies),
            _ => null,
        };
    }

    public IComparer<(long Key, int Id)> Forward { get; } = Comparer<(long Key, int Id)>.Create(Compare);

    public IComparer<(long Key, int Id)> Reversed { get; } = Comparer<(long Key, int Id)>.Create((a, b) => Compare(b, a));

    public (long Key, int Id) Of(int row)
    {
        var value = Value(row);
        return (value is { } v ? (_descending ? -v : v) : Missing, _s.Id.Span[row]);
    }

    private long? Value(int row) => _column switch
    {
        RowsColumn.Date => _s.Day.Span[row],
        RowsColumn.Qty => _s.Qty.Span[row],
        RowsColumn.Amount => _amounts.IsValid(row) ? _s.AmountMinor.Span[row] : null,
        RowsColumn.B2B => _s.B2B.Span[row] ? 1 : 0,
        RowsColumn.StatusGroup => _rank![_s.Status.Span[row]],
        RowsColumn.Category => _rank![_s.Category.Span[row]],
        RowsColumn.State => _s.States[_s.State.Span[row]].Length == 0 ? null : _rank![_s.State.Span[row]],
        RowsColumn.Fulfilment => _rank![_s.Fulfilment.Span[row]],
        RowsColumn.Channel => _rank![_s.Channel.Span[row]],
        RowsColumn.ServiceLevel => _rank![_s.Service.Span[row]],
        RowsColumn.Currency => _s.Currency.Span[row] is var c && c == OrdersFrame.NoCurrency ? null : _rank![c],
        _ => throw new ArgumentOutOfRangeException(nameof(row), _column, "The frame does not keep this column."),
    };

    private static int Compare((long Key, int Id) a, (long Key, int Id) b) =>
        a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Id.CompareTo(b.Id);

    /// <summary>Each name's place among the names in ordinal order.</summary>
    private static long[] Ranks(IReadOnlyList<string> names)
    {
        var order = Enumerable.Range(0, names.Count).OrderBy(i => names[i], StringComparer.Ordinal).ToArray();
        var rank = new long[names.Count];
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }
        return rank;
    }
}
