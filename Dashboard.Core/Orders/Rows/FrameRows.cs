using Dashboard.Core.Analytics.Frames;

namespace Dashboard.Core.Orders.Rows;

/// <summary>
/// The rows of a filter sorted in the frame, without the store: the lines the scans pass, ordered by a column the frame
/// keeps (every column but the free text: Order ID, SKU, raw status, size and city), lines without a value last, ties by
/// the store id, exactly as <see cref="RowsSql.OrderBy"/> orders them in SQL. A page keeps only the first
/// offset + limit rows of the sort while it scans (a bounded heap); an export sorts them all.
/// </summary>
internal static class FrameRows
{
    /// <summary>Whether the frame holds <paramref name="column"/>'s values.</summary>
    public static bool CanSort(RowsColumn column) =>
        column is not (RowsColumn.OrderId or RowsColumn.Sku or RowsColumn.Status or RowsColumn.Size or RowsColumn.City);

    /// <summary>The frame rows of the page, in the sort; null when the frame cannot sort by the request's column.</summary>
    public static int[]? Page(OrdersFrame s, CompiledFilter f, DateRange range, RowsRequest request)
    {
        if (!CanSort(request.Sort))
        {
            return null;
        }
        var keys = new SortKeys(s, request.Sort, request.Descending);
        var keep = (int)Math.Min((long)request.Offset + request.Limit, int.MaxValue);
        // The heap's top is the last of the rows kept: a row enters only when it sorts before it.
        var heap = new PriorityQueue<int, (long Key, int Id)>(Math.Min(keep, 4096), keys.Reversed);
        foreach (var row in Selected(s, f, range))
        {
            var key = keys.Of(row);
            if (heap.Count < keep)
            {
                heap.Enqueue(row, key);
            }
            else if (keys.Reversed.Compare(key, PeekKey(heap)) > 0)
            {
                heap.DequeueEnqueue(row, key);
            }
        }
        var rows = new int[heap.Count];
        for (var i = rows.Length - 1; i >= 0; i--)
        {
            rows[i] = heap.Dequeue();
        }
        return rows.Length <= request.Offset ? [] : rows[request.Offset..];
    }

    /// <summary>Every selected frame row, in the sort (the frame can sort by <paramref name="sort"/>: <see cref="CanSort"/>).</summary>
    public static int[] All(OrdersFrame s, CompiledFilter f, DateRange range, RowsColumn sort, bool descending)
    {
        var keys = new SortKeys(s, sort, descending);
        var rows = Selected(s, f, range).ToArray();
        var sortKeys = rows.Select(keys.Of).ToArray();
        Array.Sort(sortKeys, rows, keys.Forward);
        return rows;
    }

    private static (long, int) PeekKey(PriorityQueue<int, (long Key, int Id)> heap) =>
        heap.TryPeek(out _, out var key) ? key : throw new InvalidOperationException();

    /// <summary>The frame rows that pass the whole filter in the range, in frame order.</summary>
    private static List<int> Selected(OrdersFrame s, CompiledFilter f, DateRange range)
    {
        var mask = FrameColumns.Single<bool>(OrdersScan.Select(s, f, range.From.DayNumber, range.To.DayNumber)).Span;
        var (start, end) = s.RowsBetween(range.From.DayNumber, range.To.DayNumber);
        var rows = new List<int>();
        for (var r = start; r < end; r++)
        {
            if (mask[r])
            {
                rows.Add(r);
            }
        }
        return rows;
    }
}
