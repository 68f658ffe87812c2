using Dashboard.Core.Analytics;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Orders;

/// <summary>
/// The query service of the orders overview: KPIs with the previous period, orders over time, weekday volume,
/// sales by category and average monthly sales, all for one <see cref="OrderFilter"/>.
/// The KPIs and the four charts are one fused pass, which the data does (<see cref="IOrdersData.OverviewAsync"/>): over the
/// buffers of the <see cref="OrdersFrame"/> (docs/decisions/0010-dataframes.md: the DataFrame's own Filter/GroupBy took
/// 150-190 ms for the same work), or over one slice of the store's rollup past the frame's size.
/// </summary>
public sealed class OrdersOverviewQuery(OrdersFrameCache frames, IOptions<AnalyticsOptions> options)
{
    private static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public DayOfWeek WeekStartsOn => options.Value.WeekStartsOn;

    public async Task<OrderFilterOptions> GetFilterOptionsAsync(CancellationToken cancellationToken = default)
    {
        var s = await frames.GetAsync(cancellationToken);
        return new OrderFilterOptions(
            s.MinDate, s.MaxDate,
            Sorted(s.Categories), Enum.GetValues<Dashboard.Core.Orders.StatusGroup>(), Sorted(s.Fulfilments),
            Sorted(s.SalesChannels), Sorted(s.ServiceLevels), Sorted(s.States.Where(x => x.Length > 0)),
            Sorted(s.Currencies), s.MainCurrency);
    }

    public Task<OrdersOverview> GetAsync(OrderFilter filter, TimeGrain grain = TimeGrain.Day, CancellationToken cancellationToken = default) =>
        Telemetry.DashboardTelemetry.QueryAsync("overview", () =>
            frames.ReadAsync(s => ComposeAsync(s, filter, grain, (f, layout) => s.OverviewAsync(f, layout, cancellationToken)), cancellationToken));

    /// <summary>
    /// The overview from a frame with its fused pass split into <paramref name="parts"/> (by default as the frame chooses):
    /// what the tests check the parallel pass against. The frame answers at once, so this waits for nothing.
    /// </summary>
    internal OrdersOverview Compute(OrdersFrame s, OrderFilter filter, TimeGrain grain, int? parts = null) =>
        ComposeAsync(s, filter, grain, (f, layout) => Task.FromResult<OverviewGroups?>(OrdersScan.Overview(s, f, layout, parts)))
            .GetAwaiter().GetResult()!;

    /// <summary>
    /// The overview around one fused pass, <paramref name="scan"/>, which fills the KPIs' and the charts' groups; null
    /// when the store moved on from <paramref name="s"/> (the pass gave no groups).
    /// </summary>
    private async Task<OrdersOverview?> ComposeAsync(IOrdersData s, OrderFilter filter, TimeGrain grain,
        Func<CompiledFilter, OverviewLayout, Task<OverviewGroups?>> scan)
    {
        var currency = filter.Currency ?? s.MainCurrency;
        var range = RangeOf(s, filter);
        if (range is null)
        {
            return new OrdersOverview(filter, currency, null, null, new OrdersOverTime(grain, WeekStartsOn, []), [], [], []);
        }
        var f = new CompiledFilter(s, filter);
        if (range.Days <= 0)
        {
            return new OrdersOverview(filter, currency, range, KpisOf(s, range, OrderMeasures.Empty, OrderMeasures.Empty),
                new OrdersOverTime(grain, WeekStartsOn, []), [], [], []);
        }

        // One fused pass fills every chart; the layout maps each day of the range to its bucket, weekday and month.
        var buckets = Buckets(range, grain, WeekStartsOn, s);
        var months = Buckets(range, TimeGrain.Month, DayOfWeek.Monday, s);
        if (await scan(f, Layout(range, buckets, months)) is not { } g)
        {
            return null;
        }

        return new OrdersOverview(
            filter, currency, range,
            KpisOf(s, range, g.Current[0], g.Previous[0]),
            new OrdersOverTime(grain, WeekStartsOn, buckets.Select((b, i) =>
                    new TimePoint(b.Start, b.End, b.Partial, g.Buckets[i].Orders, g.Buckets[i].Units, g.Buckets[i].Revenue))
                // A day the weekday filter leaves out is not a day without orders: it is not drawn (nor listed) at all.
                .Where(p => p.Start != p.End || filter.Weekdays.Count == 0 || filter.Weekdays.Contains(p.Start.DayOfWeek)).ToList()),
            WeekdaysOf(g.Weekdays, filter),
            CategoriesOf(s, g.Categories, filter),
            MonthsOf(s, range, months, g.Months));
    }

    /// <summary>Each day of the range's bucket (of <paramref name="buckets"/>), weekday (Monday 0) and month, and the previous period.</summary>
    private static OverviewLayout Layout(DateRange range, List<(DateOnly Start, DateOnly End, bool Partial)> buckets,
        List<(DateOnly Start, DateOnly End, bool Partial)> months)
    {
        var first = range.From.DayNumber;
        var bucketOfDay = new int[range.Days];
        var weekdayOfDay = new int[range.Days];
        var monthOfDay = new int[range.Days];
        for (int d = 0, b = 0; d < range.Days; d++)
        {
            var date = DateOnly.FromDayNumber(first + d);
            while (date > buckets[b].End)
            {
                b++;
            }
            bucketOfDay[d] = b;
            weekdayOfDay[d] = ((int)date.DayOfWeek + 6) % 7;
            monthOfDay[d] = (date.Year - range.From.Year) * 12 + date.Month - range.From.Month;
        }
        var previous = PreviousOf(range);
        return new OverviewLayout(
            first, range.To.DayNumber, previous.From.DayNumber, previous.To.DayNumber,
            bucketOfDay, buckets.Count, weekdayOfDay, monthOfDay, months.Count);
    }

    /// <summary>The range the filter asks for, the data's own range standing in for a missing end; null when there is no data.</summary>
    internal static DateRange? RangeOf(IOrdersData s, OrderFilter filter)
    {
        if (s.MinDate is not { } min || s.MaxDate is not { } max)
        {
            return null;
        }
        var from = filter.From ?? min;
        var to = filter.To ?? max;
        return to < from ? new DateRange(from, from.AddDays(-1)) : new DateRange(from, to);
    }

    /// <summary>The previous period of the same length, ending the day before <paramref name="range"/> starts.</summary>
    public static DateRange PreviousOf(DateRange range) => new(range.From.AddDays(-range.Days), range.From.AddDays(-1));

    /// <summary>The KPIs by two plain scans of the frame, apart from the fused pass: what the tests check that pass against.</summary>
    internal static OverviewKpis Kpis(OrdersFrame s, CompiledFilter f, DateRange range)
    {
        var previous = PreviousOf(range);
        var current = OrdersScan.Run(s, f, Ignore.None, range.From.DayNumber, range.To.DayNumber, 1)[0];
        var before = OrdersScan.Run(s, f, Ignore.None, previous.From.DayNumber, previous.To.DayNumber, 1)[0];
        return KpisOf(s, range, current, before);
    }

    internal static OverviewKpis KpisOf(IOrdersData s, DateRange range, OrderMeasures current, OrderMeasures before)
    {
        var previous = PreviousOf(range);
        var hasPrevious = range.Days > 0 && s.MinDate is { } min && previous.To >= min;
        decimal? P(decimal? value) => hasPrevious ? value : null;
        return new OverviewKpis(
            range, previous, hasPrevious, current, before,
            new KpiValue(current.Orders, P(before.Orders)),
            new KpiValue(current.Units, P(before.Units)),
            new KpiValue(current.Revenue, P(before.Revenue)),
            new KpiValue(current.AverageOrderValue, P(before.AverageOrderValue)),
            new KpiValue(Rate(current), P(Rate(before))));

        static decimal? Rate(OrderMeasures m) => m.Lines == 0 ? null : (decimal)m.CancelledLines / m.Lines;
    }

    internal static IReadOnlyList<WeekdayPoint> WeekdaysOf(GroupMeasures g, OrderFilter filter) =>
        MondayFirst.Select((day, i) => new WeekdayPoint(
            day, day.ToString(), g[i].Orders, g[i].Units, g[i].Revenue, filter.Weekdays.Contains(day))).ToList();

    internal static IReadOnlyList<CategoryPoint> CategoriesOf(IOrdersData s, GroupMeasures g, OrderFilter filter) =>
        Enumerable.Range(0, s.Categories.Count)
            .Where(i => g[i].Lines > 0 || filter.Categories.Contains(s.Categories[i], StringComparer.OrdinalIgnoreCase))
            .Select(i => new CategoryPoint(s.Categories[i], g[i].Orders, g[i].Units, g[i].Revenue,
                filter.Categories.Contains(s.Categories[i], StringComparer.OrdinalIgnoreCase)))
            .OrderByDescending(c => c.Revenue).ThenByDescending(c => c.Orders).ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();

    internal static IReadOnlyList<MonthPoint> MonthsOf(IOrdersData s, DateRange range, List<(DateOnly Start, DateOnly End, bool Partial)> buckets, GroupMeasures g)
    {
        var effective = Effective(range, s);
        var months = new List<MonthPoint>(buckets.Count);
        for (var b = 0; b < buckets.Count; b++)
        {
            var (start, end, partial) = buckets[b];
            var from = Max(start, effective.From);
            var to = Min(end, effective.To);
            var days = Math.Max(0, to.DayNumber - from.DayNumber + 1);
            var measures = g[b];
            months.Add(new MonthPoint(
                start, end, days, partial, measures.Revenue, measures.OrdersWithSales, measures.AverageOrderValue,
                days == 0 ? 0 : Math.Round(measures.Revenue / days, 2, MidpointRounding.AwayFromZero)));
        }
        return months;
    }

    /// <summary>
    /// The calendar buckets (day, week starting on <paramref name="weekStart"/>, month) that cover <paramref name="range"/>.
    /// A bucket is partial when part of it lies outside the shown range or outside the data (the data's first and last day).
    /// </summary>
    internal static List<(DateOnly Start, DateOnly End, bool Partial)> Buckets(DateRange range, TimeGrain grain, DayOfWeek weekStart, IOrdersData s)
    {
        var list = new List<(DateOnly, DateOnly, bool)>();
        if (range.Days <= 0)
        {
            return list;
        }
        var effective = Effective(range, s);
        var start = grain switch
        {
            TimeGrain.Day => range.From,
            TimeGrain.Week => range.From.AddDays(-(((int)range.From.DayOfWeek - (int)weekStart + 7) % 7)),
            _ => new DateOnly(range.From.Year, range.From.Month, 1),
        };
        while (start <= range.To)
        {
            var next = grain switch
            {
                TimeGrain.Day => start.AddDays(1),
                TimeGrain.Week => start.AddDays(7),
                _ => start.AddMonths(1),
            };
            var end = next.AddDays(-1);
            list.Add((start, end, start < effective.From || end > effective.To));
            start = next;
        }
        return list;
    }

    /// <summary>The shown range clipped to the data's own first and last day.</summary>
    private static DateRange Effective(DateRange range, IOrdersData s) =>
        new(Max(range.From, s.MinDate ?? range.From), Min(range.To, s.MaxDate ?? range.To));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static List<string> Sorted(IEnumerable<string> values) => values.Order(StringComparer.Ordinal).ToList();
}
