using Dashboard.Core.Paging;

namespace Dashboard.Core.Orders.Rows;

/// <summary>
/// One page of the order lines that pass <paramref name="Filter"/> and, when given, whose Order ID, SKU or city starts with
/// <paramref name="Search"/>; sorted by <paramref name="Sort"/> (ties by the line's store id, so pages never overlap), from
/// row <paramref name="Offset"/> (counted after <paramref name="After"/>, the previous page's last row, when given: keyset
/// paging, docs/decisions/0035-keyset-rows.md), at most <paramref name="Limit"/> rows.
/// </summary>
public sealed record RowsRequest(
    OrderFilter Filter,
    string? Search = null,
    RowsColumn Sort = RowsColumn.Date,
    bool Descending = false,
    int Offset = 0,
    int Limit = RowsPaging.DefaultLimit,
    RowsCursor? After = null) : RowsPaging(Search, Offset, Limit)
{
    /// <summary>What makes the request unanswerable (for a 400): the paging's, the cursor's and the filter's own problems.</summary>
    public override IEnumerable<string> Problems()
    {
        foreach (var problem in base.Problems())
        {
            yield return problem;
        }
        if (After is { } after && (after.Sort != Sort || after.Descending != Descending))
        {
            yield return $"after: the cursor is of the sort by {RowsColumns.KeyOf(after.Sort)} {(after.Descending ? "desc" : "asc")}, not of this one.";
        }
        foreach (var problem in Filter.Problems())
        {
            yield return problem;
        }
    }
}
