using Dashboard.Core.Analytics;
using Dashboard.Core.Orders;
using Dashboard.Core.Orders.Rollup;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Weekly;

/// <summary>
/// The query service of the weekly review: a week (by default the last complete week of the data) against the week
/// before and the same week four weeks earlier, with the filter's other dimensions applied (its dates are ignored).
/// </summary>
public sealed class WeeklyReviewQuery(OrdersFrameCache frames, IOptions<AnalyticsOptions> options)
{
    public const int MoversShown = 5;

    public DayOfWeek WeekStartsOn => options.Value.WeekStartsOn;

    /// <summary>The first day of the week that contains <paramref name="date"/>.</summary>
    public DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek - (int)WeekStartsOn + 7) % 7));

    public Task<WeeklyReview> GetAsync(DateOnly? week, OrderFilter filter, CancellationToken cancellationToken = default) =>
        frames.ReadAsync(s => ComposeAsync(s, week, filter with { From = null, To = null }, cancellationToken), cancellationToken);

    /// <summary>The review from the frame or, past its size, from one slice of the rollup; null when the store moved on from <paramref name="s"/>.</summary>
    private async Task<WeeklyReview?> ComposeAsync(IOrdersData s, DateOnly? week, OrderFilter filter, CancellationToken cancellationToken)
    {
        var currency = filter.Currency ?? s.MainCurrency;
        if (s.MinDate is not { } min || s.MaxDate is not { } max)
        {
            return new WeeklyReview(filter, currency, WeekStartsOn, null, null, null, null, null, [], [], [], [], []);
        }
        var lastStart = WeekOf(max);
        if (lastStart.AddDays(6) > max)
        {
            lastStart = lastStart.AddDays(-7);
        }
        DateOnly? lastComplete = lastStart >= min ? lastStart : null;
        var firstWeek = WeekOf(min);
        var start = week is { } w ? WeekOf(w) : lastComplete ?? WeekOf(max);

        var f = new CompiledFilter(s, filter);
        var thisWeek = new DateRange(start, start.AddDays(6));
        var previous = new DateRange(start.AddDays(-7), start.AddDays(-1));
        var earlier = new DateRange(start.AddDays(-28), start.AddDays(-22));

        var keyOfDay = new int[35];
        for (var d = 0; d < 35; d++)
        {
            keyOfDay[d] = d / 7 == 4 ? d % 7 : d / 7 == 3 ? 7 + d % 7 : d / 7 == 0 ? 14 + d % 7 : 21;
        }
        // The measures of a range, grouped by day (keyOfDay), category, state or not at all: over the frame's lines, or
        // over one slice of the rollup that covers the five weeks.
        Func<DateRange, int, By, GroupMeasures> run;
        if (s is OrdersFrame frame)
        {
            run = (range, keys, by) => OrdersScan.Run(frame, f, Ignore.None, range.From.DayNumber, range.To.DayNumber, keys,
                keyOfRow: by switch { By.Category => frame.Category, By.State => frame.State, _ => (ReadOnlyMemory<short>?)null },
                keyOfDay: by == By.Day ? keyOfDay : null, firstDay: earlier.From.DayNumber);
        }
        else
        {
            var slice = await ((OrdersRollup)s).ReadAsync(f, earlier.From, thisWeek.To, byState: true, cancellationToken);
            if (slice is null)
            {
                return null;
            }
            var firstDay = earlier.From.DayNumber;
            run = (range, keys, by) => RollupScan.Run(slice, f, range.From.DayNumber, range.To.DayNumber, keys, (day, category, state) => by switch
            {
                By.Category => category,
                By.State => state,
                By.Day => keyOfDay[day - firstDay],
                _ => 0,
            });
        }

        // One pass over the five weeks from "four weeks earlier" to this week: days 0..6 this week, 7..13 the week
        // before, 14..20 four weeks earlier, 21 the two weeks in between (not shown).
        var byDay = run(new DateRange(earlier.From, thisWeek.To), 22, By.Day);
        var m0 = run(thisWeek, 1, By.None)[0];
        var m1 = run(previous, 1, By.None)[0];
        var m4 = run(earlier, 1, By.None)[0];
        bool Covered(DateRange r) => r.To >= min && r.From <= max;
        decimal? V(DateRange r, decimal? value) => Covered(r) ? value : null;

        var kpis = new List<WeekKpi>
        {
            new("Orders", V(thisWeek, m0.Orders), V(previous, m1.Orders), V(earlier, m4.Orders)),
            new("Units", V(thisWeek, m0.Units), V(previous, m1.Units), V(earlier, m4.Units)),
            new("Revenue", V(thisWeek, m0.Revenue), V(previous, m1.Revenue), V(earlier, m4.Revenue)),
            new("Average order value", V(thisWeek, m0.AverageOrderValue), V(previous, m1.AverageOrderValue), V(earlier, m4.AverageOrderValue)),
            new("Cancellation rate", V(thisWeek, Rate(m0)), V(previous, Rate(m1)), V(earlier, Rate(m4))),
        };
        var days = Enumerable.Range(0, 7).Select(i => new WeekDayPoint(
            i, start.AddDays(i).DayOfWeek, start.AddDays(i),
            byDay[i].Orders, byDay[7 + i].Orders, byDay[14 + i].Orders,
            byDay[i].Revenue, byDay[7 + i].Revenue, byDay[14 + i].Revenue)).ToList();

        var categories = Movers(run, thisWeek, previous, s.Categories, By.Category);
        var states = Movers(run, thisWeek, previous, s.States, By.State).Where(m => m.Name.Length > 0).ToList();
        return new WeeklyReview(
            filter, currency, WeekStartsOn, lastComplete, firstWeek,
            new WeekMeasures(thisWeek, m0), new WeekMeasures(previous, m1), new WeekMeasures(earlier, m4),
            kpis, days,
            categories.OrderByDescending(c => c.Revenue).ThenBy(c => c.Name, StringComparer.Ordinal).ToList(),
            TopMovers(categories), TopMovers(states));

        static decimal? Rate(OrderMeasures m) => m.Lines == 0 ? null : (decimal)m.CancelledLines / m.Lines;
    }

    /// <summary>What a review's measures are grouped by.</summary>
    private enum By
    {
        None,
        Day,
        Category,
        State,
    }

    private static List<Mover> Movers(Func<DateRange, int, By, GroupMeasures> run, DateRange week, DateRange previous, IReadOnlyList<string> names, By by)
    {
        var now = run(week, names.Count, by);
        var before = run(previous, names.Count, by);
        return Enumerable.Range(0, names.Count)
            .Where(i => now[i].Lines > 0 || before[i].Lines > 0)
            .Select(i => new Mover(names[i], now[i].Revenue, before[i].Revenue, now[i].Orders, before[i].Orders))
            .ToList();
    }

    /// <summary>The biggest changes of revenue, either way: largest absolute change first, ties by name.</summary>
    private static List<Mover> TopMovers(IEnumerable<Mover> movers) =>
        movers.OrderByDescending(m => Math.Abs(m.RevenueChange)).ThenBy(m => m.Name, StringComparer.Ordinal).Take(MoversShown).ToList();
}
