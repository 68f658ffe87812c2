using Dashboard.Core.Orders;

namespace Dashboard.Core.Drivers;

/// <summary>
/// A KPI's change from <paramref name="BasePeriod"/> to <paramref name="Period"/>, broken down by <paramref name="By"/>:
/// the parts sum exactly to <paramref name="Delta"/>, largest first (by size). <paramref name="Unavailable"/> says why
/// there is no breakdown (then <paramref name="Parts"/> is empty and <paramref name="Delta"/> 0).
/// </summary>
public sealed record DriverBreakdown(
    DriverKpi Kpi,
    DriverDimension By,
    DateRange Period,
    DateRange BasePeriod,
    string? Currency,
    decimal? Before,
    decimal? After,
    decimal Delta,
    IReadOnlyList<DriverPart> Parts,
    string? Unavailable = null);
