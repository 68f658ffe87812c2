namespace Dashboard.Core.Purchases;

public sealed record PurchaseBreakdown(PurchaseDimension Dimension, string Key, IReadOnlyList<PurchaseGroup> Groups);
