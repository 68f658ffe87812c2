namespace Dashboard.Core.Purchases;

/// <summary>One histogram bin: purchases p with <see cref="From"/> ≤ p &lt; <see cref="To"/>.</summary>
public sealed record HistogramBin(int From, int To, int Count);
