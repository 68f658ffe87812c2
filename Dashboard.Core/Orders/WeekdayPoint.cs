namespace Dashboard.Core.Orders;

/// <summary>One weekday bar (Monday first). <see cref="Selected"/>: the weekday filter names it.</summary>
public sealed record WeekdayPoint(DayOfWeek Day, string Name, int Orders, long Units, decimal Revenue, bool Selected);
