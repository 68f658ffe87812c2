using System.Runtime.InteropServices;
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

    /// <summary>
    /// The frame rows of the page, in the sort, after the request's cursor when it has one; null when the frame cannot sort
    /// by the request's column or does not hold the cursor's line (the store answers).
    /// </summary>
    public static int[]? Page(OrdersFrame s, CompiledFilter f, DateRange range, RowsRequest request)
    {
        if (!CanSort(request.Sort))
        {
            return null;
        }
        var sortKeys = new SortKeys(s, request.Sort, request.Descending);
        var after = Int128.MinValue;
        if (request.After is { } cursor)
        {
            // The cursor's line by its id (the frame's ids are unique): its key is where the page starts.
            var at = request.After.Id is >= 0 and <= int.MaxValue ? s.Id.Span.IndexOf((int)cursor.Id) : -1;
            if (at < 0)
            {
                return null;
            }
            Span<Int128> key = stackalloc Int128[1];
            sortKeys.Fill([at], key);
            after = key[0];
        }
        var selected = Selected(s, f, range);
        var keep = (int)Math.Min((long)request.Offset + request.Limit, int.MaxValue);
        // A max-heap of the rows kept (the priority is the negated key): a row enters only when it sorts before its top.
        // The keys are computed a chunk at a time, in one buffer, so that a page allocates little whatever the lines.
        var heap = new PriorityQueue<int, Int128>(Math.Min(keep, 4096));
        var chunk = new Int128[Math.Min(Chunk, Math.Max(1, selected.Count))];
        var rowsSelected = CollectionsMarshal.AsSpan(selected);
        for (var start = 0; start < rowsSelected.Length; start += chunk.Length)
        {
            var part = rowsSelected.Slice(start, Math.Min(chunk.Length, rowsSelected.Length - start));
            var keys = chunk.AsSpan(0, part.Length);
            sortKeys.Fill(part, keys);
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] <= after)
                {
                    continue;
                }
                if (heap.Count < keep)
                {
                    heap.Enqueue(part[i], -keys[i]);
                }
                else if (heap.TryPeek(out _, out var top) && keys[i] < -top)
                {
                    heap.DequeueEnqueue(part[i], -keys[i]);
                }
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
        var rows = Selected(s, f, range).ToArray();
        var keys = new Int128[rows.Length];
        new SortKeys(s, sort, descending).Fill(rows, keys);
        Array.Sort(keys, rows);
        return rows;
    }

    /// <summary>Rows whose keys a page computes at a time.</summary>
    private const int Chunk = 4096;

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
