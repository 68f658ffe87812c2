namespace Dashboard.Core.Orders.Rows;

/// <summary>
/// A page of order rows and the totals of every matching line (the overview's KPI definitions, <see cref="OrderMeasures"/>):
/// <paramref name="Lines"/>, distinct <paramref name="Orders"/>, <paramref name="Units"/>, and <paramref name="Revenue"/>
/// (cancelled lines excluded) in <paramref name="Currency"/> only, never added across currencies.
/// </summary>
public sealed record RowsPage(int Lines, int Orders, long Units, decimal Revenue, string? Currency, IReadOnlyList<OrderRow> Rows)
{
    public static RowsPage Empty(string? currency) => new(0, 0, 0, 0m, currency, []);
}
