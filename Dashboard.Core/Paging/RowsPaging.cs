using System.Globalization;

namespace Dashboard.Core.Paging;

/// <summary>
/// What every rows request shares, whatever its columns (the order lines' <see cref="Orders.Rows.RowsRequest"/>, the
/// purchases' <see cref="Purchases.Rows.PurchaseRowsRequest"/>): a search, a page's first row and its size.
/// </summary>
public abstract record RowsPaging(string? Search, int Offset, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    /// <summary>The search text as matched: trimmed, null when empty.</summary>
    public string? Prefix => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();

    /// <summary>What makes the request unanswerable (for a 400).</summary>
    public virtual IEnumerable<string> Problems()
    {
        if (Offset < 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"offset: {Offset} is negative.");
        }
        if (Limit is < 1 or > MaxLimit)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"limit: {Limit} is not between 1 and {MaxLimit}.");
        }
    }
}
