
namespace Dashboard.Core.Orders;

/// <summary>
/// The measures of a set of order lines, as defined once for every screen:
/// <list type="bullet">
/// <item><see cref="Orders"/>: distinct Order IDs among the lines;</item>
/// <item><see cref="Units"/>: sum of Qty over the lines (cancelled ones included);</item>
/// <item><see cref="Revenue"/>: sum of Amount over lines not in the Cancelled status group, in <c>Currency</c> only;</item>
/// <item><see cref="OrdersWithSales"/>: distinct orders with at least one non-cancelled line that is not in another currency;</item>
/// <item><see cref="AverageOrderValue"/>: Revenue / OrdersWithSales, rounded half away from zero to 0.01;</item>
/// <item><see cref="CancellationRate"/>: cancelled lines / all lines.</item>
/// </list>
/// </summary>
public sealed record OrderMeasures(int Lines, int CancelledLines, int Orders, int OrdersWithSales, long Units, long RevenueMinor)
{
    public static readonly OrderMeasures Empty = new(0, 0, 0, 0, 0, 0);

    public decimal Revenue => RevenueMinor / 100m;

    public decimal? AverageOrderValue =>
        OrdersWithSales == 0 ? null : Math.Round(RevenueMinor / 100m / OrdersWithSales, 2, MidpointRounding.AwayFromZero);

    public double? CancellationRate => Lines == 0 ? null : (double)CancelledLines / Lines;
}
