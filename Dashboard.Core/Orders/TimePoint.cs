namespace Dashboard.Core.Orders;

/// <summary>One bucket of the orders-over-time chart. <see cref="Partial"/>: the bucket extends beyond the data or the chosen dates.</summary>
public sealed record TimePoint(DateOnly Start, DateOnly End, bool Partial, int Orders, long Units, decimal Revenue);
