using System.Globalization;

namespace Dashboard.Core.Purchases.Rows;

/// <summary>
/// One page of the labelled purchases that pass <paramref name="Filter"/> and, when given, whose user id or product id
/// starts with <paramref name="Search"/>; sorted by <paramref name="Sort"/> (ties by the store id), from row
/// <paramref name="Offset"/>, at most <paramref name="Limit"/> rows.
/// </summary>
public sealed record PurchaseRowsRequest(
    PurchaseFilter Filter,
    string? Search = null,
    PurchaseRowsColumn Sort = PurchaseRowsColumn.UserId,
    bool Descending = false,
    int Offset = 0,
    int Limit = PurchaseRowsRequest.DefaultLimit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public string? Prefix => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();

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
    }
}
