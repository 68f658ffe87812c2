using Dashboard.Core.Analytics;
using Dashboard.Core.Data;
using Dashboard.Core.Forecasting;
using Dashboard.Core.Imports;
using Dashboard.Core.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Alerts;

/// <summary>
/// Judges rules against the data (docs/decisions/0037-alerts.md). A rule's periods are days, or weeks starting on
/// <c>Analytics:WeekStartsOn</c>; a period is judged once the data covers all of it (a day with data, a week whose every day
/// lies within the data's dates). The values come from the overview's own measures (<see cref="IOrdersData.MeasureAsync"/>,
/// <see cref="OrderMeasures"/>: average order value and cancellation rate as the KPI tiles define them), over the frame or the
/// rollup alike; the expected range from the forecast's anomalies.
/// </summary>
public sealed class AlertEvaluator(
    OrdersFrameCache frames, OrdersForecastQuery forecasts, IDbContextFactory<DashboardDbContext> contexts, IOptions<AnalyticsOptions> options, TimeProvider clock)
{
    /// <summary>The preview's reach: the last 8 weeks of the data.</summary>
    public const int PreviewDays = 56;

    public DayOfWeek WeekStartsOn => options.Value.WeekStartsOn;

    /// <summary>The periods of <paramref name="touched"/> (those that overlap it) for which <paramref name="rule"/> fires.</summary>
    public async Task<IReadOnlyList<AlertHit>> EvaluateAsync(AlertRule rule, DateRange touched, CancellationToken cancellationToken = default, AlertMeasures? shared = null)
    {
        if (rule.Condition == AlertCondition.NoNewData)
        {
            return await FreshnessAsync(rule, cancellationToken) is { } hit ? [hit] : [];
        }
        var filter = AlertRuleReader.StoredFilter(rule);
        // The series runs from a period before the first judged one: the change compares with it.
        var first = PeriodStart(rule.Grain, touched.From);
        var series = await SeriesAsync(filter, rule.Metric, rule.Grain, new DateRange(first.AddDays(-7), touched.To), cancellationToken, shared);
        var judged = Enumerable.Range(0, series.Starts.Count).Where(i => series.Starts[i] >= first && series.Values[i] is not null).ToList();
        if (rule.Condition == AlertCondition.OutsideRange)
        {
            return await OutsideRangeAsync(rule, filter, series, judged, cancellationToken);
        }
        var hits = new List<AlertHit>();
        foreach (var i in judged)
        {
            var value = series.Values[i]!.Value;
            if (rule.Condition == AlertCondition.Change)
            {
                var before = series.Starts[i].AddDays(-7);
                var j = IndexOf(series, before);
                if (j >= 0 && series.Values[j] is { } previous && previous != 0
                    && Math.Abs(value - previous) / Math.Abs(previous) * 100 >= rule.Value)
                {
                    hits.Add(new AlertHit(rule, series.Starts[i], series.EndOf(i), value, previous));
                }
            }
            else if (rule.Condition == AlertCondition.Above ? value > rule.Value : value < rule.Value)
            {
                hits.Add(new AlertHit(rule, series.Starts[i], series.EndOf(i), value, rule.Value));
            }
        }
        return hits;
    }

    /// <summary>"On which periods of the last 8 weeks would this have fired?": the rule judged over the data's last <see cref="PreviewDays"/> days.</summary>
    public async Task<IReadOnlyList<AlertHit>> PreviewAsync(AlertRule rule, CancellationToken cancellationToken = default) =>
        await LastDaysAsync(PreviewDays, cancellationToken) is { } range ? await EvaluateAsync(rule, range, cancellationToken) : [];

    /// <summary>The data's last <paramref name="days"/> days; null when there is no data.</summary>
    public async Task<DateRange?> LastDaysAsync(int days, CancellationToken cancellationToken = default)
    {
        var s = await frames.GetAsync(cancellationToken);
        return s.MaxDate is { } max ? new DateRange(max.AddDays(1 - days), max) : null;
    }

    /// <summary>
    /// The metric per period over <paramref name="range"/> (widened to whole periods), keeping only periods the data covers
    /// whole. Read in one pass of the overview's measures.
    /// </summary>
    public async Task<AlertSeries> SeriesAsync(OrderFilter filter, AlertMetric metric, TimeGrain grain, DateRange range, CancellationToken cancellationToken = default,
        AlertMeasures? shared = null)
    {
        var f = filter with { From = null, To = null };
        var key = string.Join('|', f.ToQueryString(), grain, range.From.DayNumber, range.To.DayNumber);
        if (shared is null || !shared.TryGet(key, out var read))
        {
            read = await frames.ReadAsync(s => MeasuresAsync(s, f, grain, range, cancellationToken), cancellationToken);
            shared?.Add(key, read);
        }
        return new AlertSeries(read.Starts, [.. read.Measures.Select(m => ValueOf(m, metric))], read.Step);
    }

    /// <summary>The measures per period over <paramref name="range"/>, widened to whole periods and kept to those the data covers whole.</summary>
    private async Task<PeriodMeasures?> MeasuresAsync(
        IOrdersData s, OrderFilter f, TimeGrain grain, DateRange range, CancellationToken cancellationToken)
    {
        var step = grain == TimeGrain.Week ? 7 : 1;
        if (s.MinDate is not { } min || s.MaxDate is not { } max)
        {
            return new PeriodMeasures([], [], step);
        }
        var from = PeriodStart(grain, range.From);
        var to = PeriodStart(grain, range.To).AddDays(step - 1);
        while (from < min)
        {
            from = from.AddDays(step); // a period before the data starts is not whole
        }
        while (to > max)
        {
            to = to.AddDays(-step); // nor is one the data has not reached the end of
        }
        if (to < from)
        {
            return new PeriodMeasures([], [], step);
        }
        var days = new DateRange(from, to);
        var count = days.Days / step;
        var keyOfDay = Enumerable.Range(0, days.Days).Select(d => d / step).ToArray();
        if (await s.MeasureAsync(new CompiledFilter(s, f), [new MeasuresRequest(days, LineGrouping.Day, count, keyOfDay)], cancellationToken)
            is not [var measures])
        {
            return null;
        }
        return new PeriodMeasures([.. Enumerable.Range(0, count).Select(i => from.AddDays(i * step))], [.. Enumerable.Range(0, count).Select(i => measures[i])], step);
    }

    public static decimal? ValueOf(OrderMeasures m, AlertMetric metric) => metric switch
    {
        AlertMetric.Orders => m.Orders,
        AlertMetric.Units => m.Units,
        AlertMetric.Revenue => m.Revenue,
        AlertMetric.AverageOrderValue => m.AverageOrderValue,
        _ => m.CancellationRate is { } rate ? Math.Round((decimal)rate * 100, 4, MidpointRounding.AwayFromZero) : null,
    };

    /// <summary>The first day of the period that holds <paramref name="day"/>.</summary>
    public DateOnly PeriodStart(TimeGrain grain, DateOnly day) =>
        grain == TimeGrain.Week ? day.AddDays(-(((int)day.DayOfWeek - (int)WeekStartsOn + 7) % 7)) : day;

    private static int IndexOf(AlertSeries series, DateOnly start)
    {
        for (var i = 0; i < series.Starts.Count; i++)
        {
            if (series.Starts[i] == start)
            {
                return i;
            }
        }
        return -1;
    }

    private async Task<IReadOnlyList<AlertHit>> OutsideRangeAsync(AlertRule rule, OrderFilter filter, AlertSeries series, List<int> judged, CancellationToken cancellationToken)
    {
        if (judged.Count == 0)
        {
            return [];
        }
        var metric = rule.Metric switch { AlertMetric.Units => OrderMetric.Units, AlertMetric.Revenue => OrderMetric.Revenue, _ => OrderMetric.Orders };
        var anomalies = await forecasts.AnomaliesAsync(filter with { From = null, To = series.EndOf(judged[^1]) }, metric, rule.Grain, null, cancellationToken);
        var byDate = anomalies.ToDictionary(a => a.Date);
        return [.. judged.Where(i => byDate.ContainsKey(series.Starts[i])).Select(i =>
        {
            var a = byDate[series.Starts[i]];
            return new AlertHit(rule, series.Starts[i], series.EndOf(i), series.Values[i], Round(a.Expected), Round(a.Low), Round(a.High));
        })];
    }

    private static decimal Round(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// "No new data for N days": the last import that kept rows (not the sample data) finished at least N days ago. Its period is
    /// the day of that import, so a stall fires once, and again only after a new import stalls.
    /// </summary>
    private async Task<AlertHit?> FreshnessAsync(AlertRule rule, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = await db.ImportBatches.Where(b => b.State == BatchState.Succeeded && !b.IsSample && b.FinishedAt != null)
            .OrderByDescending(b => b.Id).Select(b => b.FinishedAt).FirstOrDefaultAsync(cancellationToken);
        if (last is not { } finished)
        {
            return null;
        }
        var days = (decimal)Math.Floor((clock.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(finished, DateTimeKind.Utc)).TotalDays);
        var day = DateOnly.FromDateTime(finished);
        return days >= rule.Value ? new AlertHit(rule, day, day, days, rule.Value) : null;
    }
}
