using Dashboard.Core.Orders;
using Dashboard.Core.Views;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Pages.Rows;
using Dashboard.Core.Users;
using MudBlazor;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Components.Shared.Rows;
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
    /// <summary>Whether the reader may open the rows explorer (analysts): then every number offers its rows.</summary>
    private bool _canSeeRows;

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

    [Inject]
    private SavedViews Views { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task LoadFromUrlAsync()
    {
        if (await StartPageAsync() is { } start)
        {
            Navigation.NavigateTo(start, replace: true);
            return;
        }
        var pairs = QueryParsing.Pairs(Navigation.Uri).ToList();
        _filter = OrderFilter.Parse(pairs);
        _grain = QueryParsing.Grain(pairs);
        _metric = QueryParsing.Metric(pairs);
        _canSeeRows = await CurrentUser.GetAsync() is { } user && user.Can(Role.Analyst);
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

    private EventCallback<ChartClick> PeriodClick => _canSeeRows ? EventCallback.Factory.Create<ChartClick>(this, OnPeriodClick) : default;

    private EventCallback<ChartClick> MonthClick => _canSeeRows ? EventCallback.Factory.Create<ChartClick>(this, OnMonthClick) : default;

    /// <summary>A weekday bar filters the other charts, as before, and offers that weekday's rows.</summary>
    private Task OnWeekdayClickAsync(ChartClick click)
    {
        if (click.Value is not { } key)
        {
            return Task.CompletedTask;
        }
        var day = Text.Weekday(key);
        OfferRows($"{day}", RowsLinks.Weekday(_filter, day));
        return Go(_filter.ToggleWeekday(day), _grain, _metric);
    }

    /// <summary>A category bar filters the other charts, as before, and offers that category's rows.</summary>
    private Task OnCategoryClickAsync(ChartClick click)
    {
        if (click.Value is not { } category)
        {
            return Task.CompletedTask;
        }
        OfferRows(category, RowsLinks.Category(_filter, category));
        return Go(_filter.ToggleCategory(category), _grain, _metric);
    }

    /// <summary>A day, week or month of the series: its rows (the chart does not filter).</summary>
    private void OnPeriodClick(ChartClick click) => OfferPeriod(_overview?.OverTime.Points.ElementAtOrDefault(click.Point) is { } p ? (p.Start, p.End) : null);

    private void OnMonthClick(ChartClick click) => OfferPeriod(_overview?.Months.ElementAtOrDefault(click.Point) is { } m ? (m.Start, m.End) : null);

    private void OfferPeriod((DateOnly Start, DateOnly End)? period)
    {
        if (period is { } p)
        {
            OfferRows(Text.Range(new Dashboard.Core.Orders.DateRange(p.Start, p.End)), RowsLinks.Period(_filter, p.Start, p.End));
        }
    }

    /// <summary>The data tables' Show rows links: the keyboard's way to what a click on a bar or point offers.</summary>
    private string? PeriodRows(ChartRow row) => !_canSeeRows ? null
        : _overview?.OverTime.Points.ElementAtOrDefault(row.Index) is { } p ? RowsLinks.Period(_filter, p.Start, p.End) : null;

    private string? MonthRows(ChartRow row) => !_canSeeRows ? null
        : _overview?.Months.ElementAtOrDefault(row.Index) is { } m ? RowsLinks.Period(_filter, m.Start, m.End) : null;

    private string? WeekdayRows(ChartRow row) => !_canSeeRows || row.Key is null ? null : RowsLinks.Weekday(_filter, Text.Weekday(row.Key));

    private string? CategoryRows(ChartRow row) => !_canSeeRows || row.Key is null ? null : RowsLinks.Category(_filter, row.Key);

    /// <summary>"Show rows" at the click, for those who may open the explorer (a snackbar's action: keyboard reachable, and it goes by itself).</summary>
    private void OfferRows(string what, string href)
    {
        if (!_canSeeRows)
        {
            return;
        }
        RowsOffer.Show(Snackbar, Navigation, $"The lines of {what}, with this page's other filters.", href);
    }

    private string? KpiRows(bool cancelled) => !_canSeeRows ? null : cancelled ? RowsLinks.Cancelled(_filter) : RowsLinks.Of(_filter);

    /// <summary>The signed-in user's start page when they open the bare root (<c>/</c>); the overview stays at <c>/orders</c>.</summary>
    private async Task<string?> StartPageAsync()
    {
        var path = Navigation.ToBaseRelativePath(Navigation.Uri);
        return path.Length == 0 && await CurrentUser.GetAsync() is { } user ? await Views.StartUrlAsync(user) : null;
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

    /// <summary>"Alert me when…" on a chart: a new rule on its measure under this page's filters (their dates left out).</summary>
    private string AlertOn(Dashboard.Core.Alerts.AlertMetric metric, TimeGrain grain = TimeGrain.Day) => Dashboard.Web.Components.Pages.Alerts.AlertLinks.New(metric, grain, _filter);

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
