using Dashboard.Core.Orders;

namespace Dashboard.Core.Weekly;

/// <summary>The weekly review. <c>LastCompleteWeek</c>: the last week whose seven days all lie within the data.</summary>
public sealed record WeeklyReview(
    OrderFilter Filter,
    string? Currency,
    DayOfWeek WeekStartsOn,
    DateOnly? LastCompleteWeek,
    DateOnly? FirstWeek,
    WeekMeasures? Week,
    WeekMeasures? PreviousWeek,
    WeekMeasures? FourWeeksEarlier,
    IReadOnlyList<WeekKpi> Kpis,
    IReadOnlyList<WeekDayPoint> Days,
    IReadOnlyList<Mover> Categories,
    IReadOnlyList<Mover> CategoryMovers,
    IReadOnlyList<Mover> StateMovers);
