namespace Dashboard.Core.Orders;

/// <summary>
/// One month of the average-monthly-sales chart: revenue, orders with sales, their average order value, and revenue
/// per day over <see cref="Days"/>, the days of the month inside the shown range (fewer when <see cref="Partial"/>).
/// </summary>
public sealed record MonthPoint(
    DateOnly Start, DateOnly End, int Days, bool Partial, decimal Revenue, int OrdersWithSales,
    decimal? AverageOrderValue, decimal RevenuePerDay);
