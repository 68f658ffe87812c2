namespace Dashboard.Core.Orders;

public sealed record OrdersOverTime(TimeGrain Grain, DayOfWeek WeekStartsOn, IReadOnlyList<TimePoint> Points);
