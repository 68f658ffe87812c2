namespace Dashboard.Core.Purchases;

/// <summary>One bar of a by-dimension chart: how many transactions and their mean purchase (rounded to 0.01).</summary>
public sealed record PurchaseGroup(string Value, int Count, long Total, double Mean, bool Selected);
