namespace Dashboard.Core.Purchases;

/// <summary>A quantile of the purchase amount: linear interpolation between order statistics (pandas' default).</summary>
public sealed record Quantile(double Probability, double Value);
