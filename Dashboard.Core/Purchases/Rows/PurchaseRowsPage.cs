namespace Dashboard.Core.Purchases.Rows;

/// <summary>
/// A page of purchase rows and the totals of every matching transaction, as the purchases screen counts them:
/// <paramref name="Transactions"/> (its count), distinct <paramref name="Customers"/>, and <paramref name="Total"/> purchase.
/// </summary>
public sealed record PurchaseRowsPage(int Transactions, int Customers, long Total, IReadOnlyList<PurchaseRow> Rows)
{
    public static readonly PurchaseRowsPage Empty = new(0, 0, 0, []);
}
