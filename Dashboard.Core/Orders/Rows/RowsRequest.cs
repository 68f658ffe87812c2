using System.Globalization;

namespace Dashboard.Core.Orders.Rows;

/// <summary>
/// One page of the order lines that pass <paramref name="Filter"/> and, when given, whose Order ID, SKU or city starts with
/// <paramref name="Search"/>; sorted by <paramref name="Sort"/> (ties by the line's store id, so pages never overlap), from
/// row <paramref name="Offset"/>, at most <paramref name="Limit"/> rows.
/// </summary>
public sealed record RowsRequest(
    OrderFilter Filter,
    string? Search = null,
    RowsColumn Sort = RowsColumn.Date,
    bool Descending = false,
    int Offset = 0,
    int Limit = RowsRequest.DefaultLimit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    /// <summary>The search text as matched: trimmed, null when empty.</summary>
    public string? Prefix => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();

    /// <summary>What makes the request unanswerable (for a 400), besides the filter's own problems.</summary>
    public IEnumerable<string> Problems()
    {
        if (Offset < 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"offset: {Offset} is negative.");
        }
        if (Limit is < 1 or > MaxLimit)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"limit: {Limit} is not between 1 and {MaxLimit}.");
        }
        foreach (var problem in Filter.Problems())
        {
            yield return problem;
        }
    }
}
