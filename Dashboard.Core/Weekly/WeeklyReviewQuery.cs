using Dashboard.Core.Analytics;
using Dashboard.Core.Orders;
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
        Telemetry.DashboardTelemetry.QueryAsync("weekly", () =>
            frames.ReadAsync(s => ComposeAsync(s, week, filter with { From = null, To = null }, cancellationToken), cancellationToken));

    /// <summary>
    /// [d]: the group of day d of the five weeks from "four weeks earlier" to the week shown: days 0..6 four weeks earlier
    /// are groups 14..20, 7..20 (the two weeks in between, not shown) group 21, 21..27 the week before 7..13, and 28..34
    /// the week shown 0..6.
    /// </summary>
    private static readonly int[] KeyOfDay = Enumerable.Range(0, 35)
        .Select(d => d / 7 == 4 ? d % 7 : d / 7 == 3 ? 7 + d % 7 : d / 7 == 0 ? 14 + d % 7 : 21).ToArray();

    /// <summary>The review from the data's measures, all read at once; null when the store moved on from <paramref name="s"/>.</summary>
    private async Task<WeeklyReview?> ComposeAsync(IOrdersData s, DateOnly? week, OrderFilter filter, CancellationToken cancellationToken)
    {
        var currency = filter.Currency ?? s.MainCurrency;
        if (s.MinDate is not { } min || s.MaxDate is not { } max)
        {
            return new WeeklyReview(filter, currency, WeekStartsOn, null, null, null, null, null, [], [], [], [], []);
        }
        var lastComplete = LastCompleteWeek(min, max);
        var start = week is { } w ? WeekOf(w) : lastComplete ?? WeekOf(max);
        var thisWeek = new DateRange(start, start.AddDays(6));
        var previous = new DateRange(start.AddDays(-7), start.AddDays(-1));
        var earlier = new DateRange(start.AddDays(-28), start.AddDays(-22));

        MeasuresRequest[] requests =
        [
            new(new DateRange(earlier.From, thisWeek.To), LineGrouping.Day, 22, KeyOfDay),
            new(thisWeek), new(previous), new(earlier),
            new(thisWeek, LineGrouping.Category, s.Categories.Count), new(previous, LineGrouping.Category, s.Categories.Count),
            new(thisWeek, LineGrouping.State, s.States.Count), new(previous, LineGrouping.State, s.States.Count),
        ];
        if (await s.MeasureAsync(new CompiledFilter(s, filter), requests, cancellationToken) is not
            [var byDay, var week0, var week1, var week4, var categoriesNow, var categoriesBefore, var statesNow, var statesBefore])
        {
            return null;
        }
        var (m0, m1, m4) = (week0[0], week1[0], week4[0]);
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

        var categories = Movers(categoriesNow, categoriesBefore, s.Categories);
        var states = Movers(statesNow, statesBefore, s.States).Where(m => m.Name.Length > 0).ToList();
        return new WeeklyReview(
            filter, currency, WeekStartsOn, lastComplete, WeekOf(min),
            new WeekMeasures(thisWeek, m0), new WeekMeasures(previous, m1), new WeekMeasures(earlier, m4),
            kpis, days,
            categories.OrderByDescending(c => c.Revenue).ThenBy(c => c.Name, StringComparer.Ordinal).ToList(),
            TopMovers(categories), TopMovers(states));

        static decimal? Rate(OrderMeasures m) => m.Lines == 0 ? null : (decimal)m.CancelledLines / m.Lines;
    }

    /// <summary>The first day of the data's last complete week; null when the data holds no complete week.</summary>
    internal DateOnly? LastCompleteWeek(DateOnly min, DateOnly max)
    {
        var lastStart = WeekOf(max);
        if (lastStart.AddDays(6) > max)
        {
            lastStart = lastStart.AddDays(-7);
        }
        return lastStart >= min ? lastStart : null;
    }

    private static List<Mover> Movers(GroupMeasures now, GroupMeasures before, IReadOnlyList<string> names) =>
        Enumerable.Range(0, names.Count)
            .Where(i => now[i].Lines > 0 || before[i].Lines > 0)
            .Select(i => new Mover(names[i], now[i].Revenue, before[i].Revenue, now[i].Orders, before[i].Orders))
            .ToList();

    /// <summary>The biggest changes of revenue, either way: largest absolute change first, ties by name.</summary>
    private static List<Mover> TopMovers(IEnumerable<Mover> movers) =>
        movers.OrderByDescending(m => Math.Abs(m.RevenueChange)).ThenBy(m => m.Name, StringComparer.Ordinal).Take(MoversShown).ToList();
}
