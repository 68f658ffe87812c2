using System.Collections.Concurrent;
using System.Globalization;
using Dashboard.Core.Analytics;
using Dashboard.Core.Orders;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Forecasting;

/// <summary>
/// The forecast and the anomalies of a metric on the orders-over-time chart, for any overview filter, at day or week grain
/// (docs/decisions/0034-forecast-method-and-intervals.md). Answers are kept per data version and request: a new version
/// drops them all.
/// </summary>
public sealed class OrdersForecastQuery(OrdersFrameCache frames, IOptions<AnalyticsOptions> options)
{
    /// <summary>The longest forecast asked for, in periods.</summary>
    public const int MaxHorizon = 90;

    /// <summary>The most answers kept for one data version; past it they are all dropped.</summary>
    private const int MaxKept = 1_000;

    private readonly ConcurrentDictionary<string, object> _kept = new(StringComparer.Ordinal);
    private long _keptVersion = -1;

    /// <summary>The forecast's default length, and the horizon its backtest checks: 14 days, or 4 weeks.</summary>
    public static int DefaultHorizon(TimeGrain grain) => grain == TimeGrain.Week ? 4 : 14;

    public Task<OrdersForecast> ForecastAsync(OrderFilter filter, OrderMetric metric, TimeGrain grain, int? horizon = null,
        IReadOnlySet<DateOnly>? excluded = null, CancellationToken cancellationToken = default)
    {
        CheckGrain(grain);
        var h = horizon ?? DefaultHorizon(grain);
        ArgumentOutOfRangeException.ThrowIfLessThan(h, 1, nameof(horizon));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(h, MaxHorizon, nameof(horizon));
        return ReadAsync($"f|{h}", filter, metric, grain, excluded, series =>
        {
            var forecast = Forecaster.Forecast(series, h, Math.Min(h, DefaultHorizon(grain)));
            return forecast with { Forecast = OnShownDays(forecast.Forecast, filter, grain, p => p.Date) };
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<Anomaly>> AnomaliesAsync(OrderFilter filter, OrderMetric metric, TimeGrain grain,
        IReadOnlySet<DateOnly>? excluded = null, CancellationToken cancellationToken = default)
    {
        CheckGrain(grain);
        return await ReadAsync<IReadOnlyList<Anomaly>>("a", filter, metric, grain, excluded,
            series => OnShownDays(AnomalyDetector.Detect(series), filter, grain, a => a.Date), cancellationToken);
    }

    /// <summary>
    /// The unusual days of daily orders from <paramref name="from"/> to <paramref name="to"/>, judged on the filter's data up
    /// to <paramref name="to"/>: the weekly review's and the digest's list of a week.
    /// </summary>
    public async Task<IReadOnlyList<Anomaly>> DaysAsync(OrderFilter filter, DateOnly from, DateOnly to, IReadOnlySet<DateOnly>? excluded = null,
        CancellationToken cancellationToken = default)
    {
        var all = await AnomaliesAsync(filter with { From = null, To = to }, OrderMetric.Orders, TimeGrain.Day, excluded, cancellationToken);
        return [.. all.Where(a => a.Date >= from && a.Date <= to)];
    }

    private static void CheckGrain(TimeGrain grain)
    {
        if (grain is not (TimeGrain.Day or TimeGrain.Week))
        {
            throw new ArgumentOutOfRangeException(nameof(grain), grain, "Forecasts are made by day or by week.");
        }
    }

    private Task<T> ReadAsync<T>(string kind, OrderFilter filter, OrderMetric metric, TimeGrain grain, IReadOnlySet<DateOnly>? excluded,
        Func<ForecastSeries, T> answer, CancellationToken cancellationToken) where T : class =>
        Telemetry.DashboardTelemetry.QueryAsync("forecast", () => frames.ReadAsync(async s =>
        {
            var days = excluded ?? new HashSet<DateOnly>();
            var key = string.Join('|', kind, metric, grain, options.Value.WeekStartsOn, filter.ToQueryString(),
                string.Join(',', days.Order().Select(d => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture))));
            if (Kept(s.Version).TryGetValue(key, out var kept))
            {
                return (T)kept;
            }
            if (await ForecastSeriesReader.ReadAsync(s, filter, metric, grain, options.Value.WeekStartsOn, days, cancellationToken) is not { } series)
            {
                return null;
            }
            var result = answer(series);
            Kept(s.Version)[key] = result;
            return result;
        }, cancellationToken));

    /// <summary>The answers kept for <paramref name="version"/>, emptied when the version moves on or too many are kept.</summary>
    private ConcurrentDictionary<string, object> Kept(long version)
    {
        if (Interlocked.Exchange(ref _keptVersion, version) != version || _kept.Count > MaxKept)
        {
            _kept.Clear();
        }
        return _kept;
    }

    /// <summary>A weekday filter's left-out days are not drawn on the chart: they get no forecast or anomaly either.</summary>
    private static IReadOnlyList<T> OnShownDays<T>(IReadOnlyList<T> items, OrderFilter filter, TimeGrain grain, Func<T, DateOnly> date) =>
        grain != TimeGrain.Day || filter.Weekdays.Count == 0 ? items : items.Where(i => filter.Weekdays.Contains(date(i).DayOfWeek)).ToList();
}
