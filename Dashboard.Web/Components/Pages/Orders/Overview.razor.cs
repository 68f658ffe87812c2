using Dashboard.Core.Orders;
using Dashboard.Web.Api;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Orders;

/// <summary>The orders overview. Its state lives in the URL: every control navigates, and the page reads the URL.</summary>
public sealed partial class Overview : UrlStatePage
{
    protected override IReadOnlyList<string> Paths { get; } = ["", "orders"];

    private OrderFilter _filter = OrderFilter.None;
    private TimeGrain _grain = TimeGrain.Day;
    private OrderMetric _metric = OrderMetric.Orders;
    private OrderFilterOptions? _options;
    private OrdersOverview? _overview;
    private Figures? _figures;

    /// <summary>The four charts, built once per answer of the query (a chart card redraws when its figure is new).</summary>
    private sealed record Figures(ChartFigure OverTime, ChartFigure Weekdays, ChartFigure Categories, ChartFigure Months);

    [Inject]
    private OrdersOverviewQuery Query { get; set; } = default!;

    [Inject]
    private Dashboard.Core.Forecasting.OrdersForecastQuery Forecasts { get; set; } = default!;

    protected override async Task LoadFromUrlAsync()
    {
        var pairs = QueryParsing.Pairs(Navigation.Uri).ToList();
        _filter = OrderFilter.Parse(pairs);
        _grain = QueryParsing.Grain(pairs);
        _metric = QueryParsing.Metric(pairs);
        _options ??= await Query.GetFilterOptionsAsync();
        _overview = await Query.GetAsync(_filter, _grain);
        var overTime = OverviewFigures.OverTime(_overview.OverTime, _metric, _overview.Currency);
        if (_overview.OverTime.Grain == _grain && _grain is TimeGrain.Day or TimeGrain.Week)
        {
            overTime = ForecastFigures.Overlay(overTime, await Forecasts.ForecastAsync(_filter, _metric, _grain),
                await Forecasts.AnomaliesAsync(_filter, _metric, _grain), _metric, _overview.Currency);
        }
        _figures = new Figures(
            overTime,
            OverviewFigures.Weekdays(_overview.Weekdays, _metric, _overview.Currency),
            OverviewFigures.Categories(_overview.Categories, _overview.Currency),
            OverviewFigures.Months(_overview.Months, _overview.Currency));
    }

    private Task Go(OrderFilter filter, TimeGrain grain, OrderMetric metric)
    {
        Navigation.NavigateTo("orders" + Text.Query(filter.ToPairs().Concat(View(grain, metric))));
        return Task.CompletedTask;
    }

    private string Api(string path, bool includeGrain = false) =>
        "api/orders/" + path + Text.Query(_filter.ToPairs().Concat(includeGrain ? View(_grain, OrderMetric.Orders) : []));

    private static IEnumerable<KeyValuePair<string, string>> View(TimeGrain grain, OrderMetric metric)
    {
        if (grain != TimeGrain.Day)
        {
            yield return new(QueryParsing.GrainKey, grain.ToString().ToLowerInvariant());
        }
        if (metric != OrderMetric.Orders)
        {
            yield return new(QueryParsing.MetricKey, metric.ToString().ToLowerInvariant());
        }
    }
}
