namespace Dashboard.Core.Alerts;

/// <summary>What a rule watches: the overview's KPIs, as <see cref="Orders.OrderMeasures"/> defines them.</summary>
public enum AlertMetric
{
    Orders,
    Units,
    Revenue,
    AverageOrderValue,
    /// <summary>Cancelled lines over all lines, compared in percent (12.5 means 12.5%).</summary>
    CancellationRate,
}
