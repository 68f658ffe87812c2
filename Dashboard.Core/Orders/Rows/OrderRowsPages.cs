using System.Globalization;
using Dashboard.Core.Paging;

namespace Dashboard.Core.Orders.Rows;

/// <summary>
/// One reader's pages of order rows, as a rows explorer's grid turns them: page N is read after page N − 1's last row by
/// its cursor when this reader has read page N − 1 (keyset: past the frame the store reads no row it skips), from the
/// nearest page read before it otherwise, and by offset only when none was (docs/decisions/0035-keyset-rows.md). Not
/// shared: one per circuit's page.
/// </summary>
public sealed class OrderRowsPages(OrderRowsQuery query)
{
    private readonly PageCursors<RowsCursor> _cursors = new();

    /// <summary>The request for <paramref name="page"/> (from 0) of <paramref name="size"/> rows, after the nearest page read before it.</summary>
    public RowsRequest RequestFor(OrderFilter filter, string? search, RowsColumn sort, bool descending, int page, int size)
    {
        var (after, offset) = _cursors.StartOf(Listing(filter, search, sort, descending, size), page, size);
        return new RowsRequest(filter, search, sort, descending, offset, size, after);
    }

    /// <summary>The page (and the totals), remembering where it ends for the page after it.</summary>
    public async Task<RowsPage> PageAsync(OrderFilter filter, string? search, RowsColumn sort, bool descending, int page, int size,
        CancellationToken cancellationToken = default)
    {
        var request = RequestFor(filter, search, sort, descending, page, size);
        var rows = await query.PageAsync(request, cancellationToken);
        if (rows.Rows.Count == size)
        {
            _cursors.Ended(Listing(filter, search, sort, descending, size), page, RowsCursor.After(rows.Rows[^1], sort, descending));
        }
        return rows;
    }

    private static string Listing(OrderFilter filter, string? search, RowsColumn sort, bool descending, int size) =>
        string.Create(CultureInfo.InvariantCulture, $"{filter.ToQueryString()}|{search}|{RowsColumns.KeyOf(sort)}|{descending}|{size}");
}
