using Dashboard.Core.Orders;
using Dashboard.Core.Weekly;

namespace Dashboard.Core.Drivers;

/// <summary>
/// What drove a KPI's change: the weekly review's week against the week before, and the overview's period against the
/// previous one of the same length, broken down by category, state, fulfilment or channel (<see cref="DriverDecomposition"/>).
/// Read from the in-memory frame: past <see cref="Analytics.AnalyticsOptions.FrameMaxLines"/> the store's rollup keeps no
/// order's lines together, and the breakdown says it is not available.
/// </summary>
public sealed class DriversQuery(OrdersFrameCache frames, WeeklyReviewQuery weekly)
{
    public const string TooLarge = "The data is larger than the in-memory frame (Analytics:FrameMaxLines), so orders cannot be attributed to values.";

    /// <summary>The week of <paramref name="week"/> (by default the last complete one) against the week before; the filter's dates are ignored.</summary>
    public Task<DriverBreakdown> WeeklyAsync(DateOnly? week, DriverKpi kpi, DriverDimension by, OrderFilter filter, CancellationToken cancellationToken = default) =>
        frames.ReadAsync(s =>
        {
            var start = week is { } w ? weekly.WeekOf(w)
                : s.MinDate is { } min && s.MaxDate is { } max ? weekly.LastCompleteWeek(min, max) ?? weekly.WeekOf(max)
                : weekly.WeekOf(DateOnly.FromDateTime(DateTime.UtcNow));
            var period = new DateRange(start, start.AddDays(6));
            return Task.FromResult<DriverBreakdown?>(Compute(s, filter with { From = null, To = null }, kpi, by, new DateRange(start.AddDays(-7), start.AddDays(-1)), period));
        }, cancellationToken);

    /// <summary>The overview's period (the filter's dates, by default the data's) against the previous period of the same length.</summary>
    public Task<DriverBreakdown> OverviewAsync(OrderFilter filter, DriverKpi kpi, DriverDimension by, CancellationToken cancellationToken = default) =>
        frames.ReadAsync(s =>
        {
            var period = OrdersOverviewQuery.RangeOf(s, filter) ?? new DateRange(DateOnly.MinValue.AddDays(1), DateOnly.MinValue);
            return Task.FromResult<DriverBreakdown?>(Compute(s, filter, kpi, by, OrdersOverviewQuery.PreviousOf(period), period));
        }, cancellationToken);

    internal static DriverBreakdown Compute(IOrdersData s, OrderFilter filter, DriverKpi kpi, DriverDimension by, DateRange basePeriod, DateRange period)
    {
        var currency = filter.Currency ?? s.MainCurrency;
        if (s is not OrdersFrame frame)
        {
            return new(kpi, by, period, basePeriod, currency, null, null, 0, [], TooLarge);
        }
        if (period.Days <= 0)
        {
            return new(kpi, by, period, basePeriod, currency, null, null, 0, [], "The period has no days.");
        }
        var cells = DriverScan.Run(frame, new CompiledFilter(s, filter), by, basePeriod, period);
        var (before, after) = (DriverDecomposition.ValueOf(kpi, cells[0]), DriverDecomposition.ValueOf(kpi, cells[1]));
        var (delta, parts) = DriverDecomposition.Decompose(kpi, DriverScan.NamesOf(s, by), cells[0], cells[1]);
        if (parts is null)
        {
            return new(kpi, by, period, basePeriod, currency, before, after, 0, [],
                "One of the two periods has no " + (kpi == DriverKpi.AverageOrderValue ? "order with sales" : "line") + ", so the ratio has no change.");
        }
        var ordered = parts.OrderByDescending(p => Math.Abs(p.Contribution)).ThenBy(p => p.Value, StringComparer.Ordinal).ToList();
        return new(kpi, by, period, basePeriod, currency, before, after, delta, ordered);
    }
}
