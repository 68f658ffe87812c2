namespace Dashboard.Core.Drivers;

/// <summary>
/// One value's share of a KPI's change. For a ratio KPI, <paramref name="Mix"/> (the value's weight moved) plus
/// <paramref name="Rate"/> (its own ratio moved) is <paramref name="Contribution"/>; null for a count or a sum.
/// </summary>
public sealed record DriverPart(string Value, decimal Contribution, decimal? Mix = null, decimal? Rate = null);
