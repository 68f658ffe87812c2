using Dashboard.Core.Paging;

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
    int Limit = RowsPaging.DefaultLimit) : RowsPaging(Search, Offset, Limit);
