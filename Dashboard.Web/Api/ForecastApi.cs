using System.Globalization;
using Dashboard.Core.Events;
using Dashboard.Core.Forecasting;
using Dashboard.Core.Orders;

namespace Dashboard.Web.Api;

/// <summary>
/// The forecast and the anomalies of the orders-over-time chart (<c>/api/orders/forecast</c>, <c>/api/orders/anomalies</c>),
/// for the overview's filter keys, a metric (orders, units, revenue), a grain (day, week) and a horizon (1–90 periods).
/// </summary>
public static class ForecastApi
{
    public const string HorizonKey = "horizon";

    public static void MapForecast(RouteGroupBuilder orders)
    {
        orders.MapGet("/forecast", (HttpRequest r, OrdersForecastQuery q, TimelineEvents events, CancellationToken ct) =>
            With(r, withHorizon: true, async (f, metric, grain, horizon) =>
                Results.Ok(await q.ForecastAsync(f, metric, grain, horizon, await events.ExcludedDaysAsync(f, ct), ct))));
        orders.MapGet("/anomalies", (HttpRequest r, OrdersForecastQuery q, TimelineEvents events, CancellationToken ct) =>
            With(r, withHorizon: false, async (f, metric, grain, _) =>
                Results.Ok(await q.AnomaliesAsync(f, metric, grain, await events.ExcludedDaysAsync(f, ct), ct))));
    }

    private static async Task<IResult> With(HttpRequest request, bool withHorizon, Func<OrderFilter, OrderMetric, TimeGrain, int?, Task<IResult>> answer)
    {
        var errors = new List<string>();
        var pairs = QueryParsing.Pairs(request.Query).ToList();
        var filter = OrderFilter.Parse(pairs, errors);
        var metric = QueryParsing.Metric(pairs, errors);
        var grain = QueryParsing.Grain(pairs, errors);
        if (grain is not (TimeGrain.Day or TimeGrain.Week))
        {
            errors.Add($"{QueryParsing.GrainKey}: forecasts and anomalies are by day or week, not by {grain.ToString().ToLowerInvariant()}.");
        }
        var horizon = withHorizon ? Horizon(pairs, errors) : null;
        errors.AddRange(filter.Problems());
        return errors.Count > 0
            ? Results.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [.. errors] })
            : await answer(filter, metric, grain, horizon);
    }

    private static int? Horizon(List<KeyValuePair<string, string?>> pairs, List<string> errors)
    {
        var value = pairs.LastOrDefault(p => string.Equals(p.Key, HorizonKey, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(p.Value)).Value?.Trim();
        if (value is null)
        {
            return null;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var horizon) || horizon < 1)
        {
            errors.Add($"{HorizonKey}: '{Dashboard.Core.Data.TextLimits.Shorten(value, 40)}' is not a whole number of periods from 1 to {OrdersForecastQuery.MaxHorizon}.");
            return null;
        }
        if (horizon > OrdersForecastQuery.MaxHorizon)
        {
            errors.Add($"{HorizonKey}: {horizon} is more than the {OrdersForecastQuery.MaxHorizon} periods a forecast may reach.");
            return null;
        }
        return horizon;
    }
}
