using Dashboard.Core.Orders;

namespace Dashboard.Core.Analytics.Orders;

public enum TimeGrain
{
    Day,
    Week,
    Month,
}

public enum OrderMetric
{
    Orders,
    Units,
    Revenue,
}

/// <summary>An inclusive range of days.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>A KPI with its value in the previous period of the same length (null when no data covers that period).</summary>
public sealed record KpiValue(decimal? Value, decimal? Previous)
{
    public decimal? Change => Value is { } v && Previous is { } p ? v - p : null;

    /// <summary>(Value − Previous) / Previous, or null when Previous is missing or zero.</summary>
    public double? ChangeRatio => Value is { } v && Previous is { } p && p != 0 ? (double)((v - p) / p) : null;
}

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

/// <summary>One bucket of the orders-over-time chart. <see cref="Partial"/>: the bucket extends beyond the data or the chosen dates.</summary>
public sealed record TimePoint(DateOnly Start, DateOnly End, bool Partial, int Orders, long Units, decimal Revenue);

public sealed record OrdersOverTime(TimeGrain Grain, DayOfWeek WeekStartsOn, IReadOnlyList<TimePoint> Points);

/// <summary>One weekday bar (Monday first). <see cref="Selected"/>: the weekday filter names it.</summary>
public sealed record WeekdayPoint(DayOfWeek Day, string Name, int Orders, long Units, decimal Revenue, bool Selected);

/// <summary>One category bar (by revenue, largest first). <see cref="Selected"/>: the category filter names it.</summary>
public sealed record CategoryPoint(string Category, int Orders, long Units, decimal Revenue, bool Selected);

/// <summary>
/// One month of the average-monthly-sales chart: revenue, orders with sales, their average order value, and revenue
/// per day over <see cref="Days"/>, the days of the month inside the shown range (fewer when <see cref="Partial"/>).
/// </summary>
public sealed record MonthPoint(
    DateOnly Start, DateOnly End, int Days, bool Partial, decimal Revenue, int OrdersWithSales,
    decimal? AverageOrderValue, decimal RevenuePerDay);

/// <summary>What the overview shows for one filter: KPIs and the four charts.</summary>
public sealed record OrdersOverview(
    OrderFilter Filter,
    string? Currency,
    DateRange? Range,
    OverviewKpis? Kpis,
    OrdersOverTime OverTime,
    IReadOnlyList<WeekdayPoint> Weekdays,
    IReadOnlyList<CategoryPoint> Categories,
    IReadOnlyList<MonthPoint> Months);

/// <summary>The values the filter controls offer.</summary>
public sealed record OrderFilterOptions(
    DateOnly? MinDate,
    DateOnly? MaxDate,
    IReadOnlyList<string> Categories,
    IReadOnlyList<StatusGroup> StatusGroups,
    IReadOnlyList<string> Fulfilments,
    IReadOnlyList<string> SalesChannels,
    IReadOnlyList<string> ServiceLevels,
    IReadOnlyList<string> States,
    IReadOnlyList<string> Currencies,
    string? MainCurrency);
