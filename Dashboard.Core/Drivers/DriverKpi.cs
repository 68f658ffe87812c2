namespace Dashboard.Core.Drivers;

/// <summary>A KPI whose change is broken down into drivers (the weekly review's and the overview's tiles).</summary>
public enum DriverKpi
{
    Orders,
    Units,
    Revenue,
    /// <summary>Average order value: a ratio, broken down into mix and rate (docs/decisions/0032-drivers-mix-and-rate.md).</summary>
    AverageOrderValue,
    /// <summary>Cancellation rate (a fraction of lines): a ratio, broken down into mix and rate.</summary>
    CancellationRate,
}
