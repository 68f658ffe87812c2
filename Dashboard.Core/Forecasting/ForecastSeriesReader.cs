using Dashboard.Core.Orders;

namespace Dashboard.Core.Forecasting;

/// <summary>
/// Reads a metric's history for a filter from the same measures as the orders-over-time chart
/// (<see cref="IOrdersData.MeasureAsync"/>, over the frame or the rollup alike): the filter's dates clipped to the data's.
/// A partial period is missing, never a full one: a week that reaches outside those dates, and the data's first and last
/// days (an export starts and is cut during a day: the real one has 158 orders on its first day and 606 on its last, against
/// about 1,100), as is every period holding a day left out of the fit.
/// </summary>
internal static class ForecastSeriesReader
{
    public static async Task<ForecastSeries?> ReadAsync(IOrdersData s, OrderFilter filter, OrderMetric metric, TimeGrain grain,
        DayOfWeek weekStartsOn, IReadOnlySet<DateOnly> excluded, CancellationToken cancellationToken)
    {
        var stepDays = grain == TimeGrain.Week ? 7 : 1;
        var season = grain == TimeGrain.Week ? 1 : 7;
        if (s.MinDate is not { } min || s.MaxDate is not { } max)
        {
            return new ForecastSeries([], [], [], season, stepDays);
        }
        var from = Max(filter.From ?? min, min);
        var to = Min(filter.To ?? max, max);
        if (to < from)
        {
            return new ForecastSeries([], [], [], season, stepDays);
        }
        var range = new DateRange(from, to);
        var buckets = grain == TimeGrain.Week
            ? OrdersOverviewQuery.Buckets(range, TimeGrain.Week, weekStartsOn, s)
            : Enumerable.Range(0, range.Days).Select(d => (Start: from.AddDays(d), End: from.AddDays(d), Partial: false)).ToList();
        var keyOfDay = new int[range.Days];
        for (int d = 0, b = 0; d < range.Days; d++)
        {
            while (from.AddDays(d) > buckets[b].End)
            {
                b++;
            }
            keyOfDay[d] = b;
        }
        if (await s.MeasureAsync(new CompiledFilter(s, filter), [new MeasuresRequest(range, LineGrouping.Day, buckets.Count, keyOfDay)], cancellationToken)
            is not [var measures])
        {
            return null;
        }
        // A leading partial week is left out; a trailing one (or the data's last day) is kept as a missing period.
        var first = buckets.Count > 1 && buckets[0].Partial ? 1 : 0;
        var count = buckets.Count - first;
        var starts = new DateOnly[count];
        var values = new double[count];
        var missing = new bool[count];
        for (var i = 0; i < count; i++)
        {
            var (start, end, partial) = buckets[first + i];
            var m = measures[first + i];
            starts[i] = start;
            values[i] = metric switch
            {
                OrderMetric.Units => m.Units,
                OrderMetric.Revenue => (double)m.Revenue,
                _ => m.Orders,
            };
            missing[i] = partial || Holds([min, max], start, end) || Holds(excluded, start, end);
        }
        return new ForecastSeries(starts, values, missing, season, stepDays);
    }

    private static bool Holds(IReadOnlyCollection<DateOnly> days, DateOnly start, DateOnly end)
    {
        if (days.Count == 0)
        {
            return false;
        }
        for (var d = start; d <= end; d = d.AddDays(1))
        {
            if (days.Contains(d))
            {
                return true;
            }
        }
        return false;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
