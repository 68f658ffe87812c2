
namespace Dashboard.Core.Orders;

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
