namespace Dashboard.Core.Imports;

public enum DataFormat
{
    /// <summary>Amazon seller order export ("Amazon Sale Report").</summary>
    AmazonOrders,
    /// <summary>Customer purchase transactions with a <c>Purchase</c> column (training data).</summary>
    Purchases,
    /// <summary>Customer purchase transactions without <c>Purchase</c>: rows to score.</summary>
    PurchasesToScore,
}
