namespace Dashboard.Core.Orders;

/// <summary>The KPI tiles: the period shown and the previous period of the same length, and their measures.</summary>
public sealed record OverviewKpis(
    DateRange Period,
    DateRange PreviousPeriod,
    bool PreviousHasData,
    OrderMeasures Current,
    OrderMeasures Previous,
    KpiValue Orders,
    KpiValue Units,
    KpiValue Revenue,
    KpiValue AverageOrderValue,
    KpiValue CancellationRate);
