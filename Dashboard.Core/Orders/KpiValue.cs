namespace Dashboard.Core.Orders;

/// <summary>A KPI with its value in the previous period of the same length (null when no data covers that period).</summary>
public sealed record KpiValue(decimal? Value, decimal? Previous)
{
    public decimal? Change => Value is { } v && Previous is { } p ? v - p : null;

    /// <summary>(Value − Previous) / Previous, or null when Previous is missing or zero.</summary>
    public double? ChangeRatio => Value is { } v && Previous is { } p && p != 0 ? (double)((v - p) / p) : null;
}
