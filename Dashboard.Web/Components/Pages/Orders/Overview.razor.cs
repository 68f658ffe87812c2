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
    private Dashboard.Core.Drivers.DriverKpi _kpi;
    private Dashboard.Core.Drivers.DriverDimension _by;
    private Dashboard.Core.Drivers.DriverBreakdown? _drivers;

    /// <summary>The four charts, built once per answer of the query (a chart card redraws when its figure is new).</summary>
    private sealed record Figures(ChartFigure OverTime, ChartFigure Weekdays, ChartFigure Categories, ChartFigure Months);

    [Inject]
    private OrdersOverviewQuery Query { get; set; } = default!;

    [Inject]
    private Dashboard.Core.Events.TimelineEvents Events { get; set; } = default!;

    [Inject]
    private Dashboard.Core.Drivers.DriversQuery Drivers { get; set; } = default!;

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
        (_kpi, _by) = DriversApi.Parse(pairs);
        _drivers = _overview.Kpis is { PreviousHasData: true } ? await Drivers.OverviewAsync(_filter, _kpi, _by) : null;
        var events = _overview.Range is { Days: > 0 } range ? await Events.ForChartAsync(_filter, range.From, range.To) : [];
        var overTime = OverviewFigures.OverTime(_overview.OverTime, _metric, _overview.Currency);
        if (_overview.OverTime.Grain == _grain && _grain is TimeGrain.Day or TimeGrain.Week)
        {
            var excluded = await Events.ExcludedDaysAsync(_filter);
            overTime = ForecastFigures.Overlay(overTime, await Forecasts.ForecastAsync(_filter, _metric, _grain, excluded: excluded),
                await Forecasts.AnomaliesAsync(_filter, _metric, _grain, excluded), _metric, _overview.Currency);
        }
        _figures = new Figures(
            ChartEvents.OnDates(overTime, events, _overview.OverTime.Points.Select(p => p.Start).ToList()),
            OverviewFigures.Weekdays(_overview.Weekdays, _metric, _overview.Currency),
            OverviewFigures.Categories(_overview.Categories, _overview.Currency),
            OverviewFigures.Months(_overview.Months, _overview.Currency));
    }

    /// <summary>What the time chart's marks mean: partial periods, and the events' lines and spans.</summary>
    private string? OverTimeNote()
    {
        var notes = new List<string>();
        if (_overview!.OverTime.Points.Any(p => p.Partial))
        {
            notes.Add("Light bars: partial periods at the ends of the data or of the chosen dates.");
        }
        if (_figures!.OverTime.Events.Count > 0)
        {
            notes.Add("Dashed grey lines mark one-day events, grey shading events over several days; their labels are at the top and in the table.");
        }
        return notes.Count == 0 ? null : string.Join(" ", notes);
    }

    private Task Go(OrderFilter filter, TimeGrain grain, OrderMetric metric)
    {
        Navigation.NavigateTo("orders" + Text.Query(filter.ToPairs().Concat(View(grain, metric)).Concat(DriversApi.ToPairs(_kpi, _by))));
        return Task.CompletedTask;
    }

    private Task ShowDrivers((Dashboard.Core.Drivers.DriverKpi Kpi, Dashboard.Core.Drivers.DriverDimension By) choice)
    {
        (_kpi, _by) = choice;
        return Go(_filter, _grain, _metric);
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
