namespace Dashboard.Core.Orders.Rollup;

/// <summary>
/// Rollup cells summed by day (a day number), category and state (codes in the summary's lists; state -1 when not
/// read) and <c>Kind</c>: 0 cancelled, 1 in the chosen currency, 2 without a currency, 3 in another currency.
/// <c>Orders</c>: the orders whose lines all lie in one of these cells.
/// </summary>
internal readonly record struct RollupCell(int Day, short Category, short State, byte Kind, int Lines, long Units, long AmountMinor, int Orders);
