namespace Dashboard.Core.Weekly;

/// <summary>One day of the week in the three weeks compared (index 0 = first day of the week).</summary>
public sealed record WeekDayPoint(int Index, DayOfWeek Day, DateOnly Date, int Orders, int PreviousWeekOrders, int FourWeeksEarlierOrders,
    decimal Revenue, decimal PreviousWeekRevenue, decimal FourWeeksEarlierRevenue);
