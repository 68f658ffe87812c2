using System.Globalization;
using Dashboard.Core.Display;
using Dashboard.Core.Drivers;
using Dashboard.Core.Events;
using Dashboard.Core.Orders;
using Dashboard.Core.Weekly;
using Dashboard.Core.Users;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Pages.Rows;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Web.Components.Pages.Weekly;

/// <summary>The weekly review for managers: linkable to any week (<c>?week=yyyy-MM-dd</c>) and filter, printable on A4.</summary>
public sealed partial class WeeklyReviewPage : UrlStatePage
{
    protected override IReadOnlyList<string> Paths { get; } = ["weekly"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private OrderFilter _filter = OrderFilter.None;
    private OrderFilterOptions? _options;
    private WeeklyReview? _review;
    private Figures? _figures;

    private DriverKpi _kpi = DriverKpi.Orders;
    private DriverDimension _by = DriverDimension.Category;
    private DriverBreakdown? _drivers;
    private IReadOnlyList<TimelineEvent> _events = [];
    private IReadOnlyList<Dashboard.Core.Forecasting.Anomaly> _anomalies = [];

    private sealed record Figures(ChartFigure Days, ChartFigure Categories, ChartFigure CategoryMovers, ChartFigure StateMovers);

    [Inject]
    private WeeklyReviewQuery Query { get; set; } = default!;

    [Inject]
    private OrdersOverviewQuery Options { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private DriversQuery Drivers { get; set; } = default!;

    [Inject]
    private TimelineEvents Events { get; set; } = default!;

    [Inject]
    private Dashboard.Core.Forecasting.OrdersForecastQuery Forecasts { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    /// <summary>Whether the reader may open the rows explorer (analysts): then a mover's bar opens its lines of the week.</summary>
    private bool _canSeeRows;

    protected override async Task LoadFromUrlAsync()
    {
        var pairs = QueryParsing.Pairs(Navigation.Uri).ToList();
        _filter = OrderFilter.Parse(pairs) with { From = null, To = null };
        _canSeeRows = await CurrentUser.GetAsync() is { } user && user.Can(Role.Analyst);
        _options ??= await Options.GetFilterOptionsAsync();
        _review = await Query.GetAsync(QueryParsing.Week(pairs), _filter);
        (_kpi, _by) = DriversApi.Parse(pairs);
        var days = _review.Days.Select(d => d.Date).ToList();
        _events = _review.Week is { } w ? await Events.ForChartAsync(_filter, w.Week.From, w.Week.To) : [];
        _anomalies = _review.Week is { } judged ? await Forecasts.DaysAsync(_filter, judged.Week.From, judged.Week.To, await Events.ExcludedDaysAsync(_filter)) : [];
        _drivers = _review.Week is { } shown ? await Drivers.WeeklyAsync(shown.Week.From, _kpi, _by, _filter) : null;
        var dayChart = WeeklyReviewFigures.Days(_review);
        _figures = new Figures(
            ChartEvents.OnDays(dayChart, _events, days, ((Plotly.Blazor.Traces.Bar)dayChart.Data[0]).X),
            WeeklyReviewFigures.Categories(_review),
            WeeklyReviewFigures.Movers(_review.CategoryMovers, _review.Currency, "Category"),
            WeeklyReviewFigures.Movers(_review.StateMovers, _review.Currency, "State"));
    }

    private Task Go(DateOnly week, OrderFilter filter)
    {
        Navigation.NavigateTo("weekly" + Text.Query(Pairs(week, filter).Concat(DriversApi.ToPairs(_kpi, _by))));
        return Task.CompletedTask;
    }

    private Task ShowDrivers((DriverKpi Kpi, DriverDimension By) choice)
    {
        (_kpi, _by) = choice;
        return Go(_review!.Week!.Week.From, _filter);
    }

    private string MoversNote => "Change of revenue against the week before; largest changes either way." +
        (_canSeeRows ? " Click a bar for its lines of the week." : "");

    private EventCallback<ChartClick> MoverClick(bool state) =>
        _canSeeRows ? EventCallback.Factory.Create<ChartClick>(this, click => ShowRows(click, state)) : default;

    /// <summary>The lines of the clicked category or state in the reviewed week, with the page's filters.</summary>
    private void ShowRows(ChartClick click, bool state)
    {
        if (click.Value is { } name && _review?.Week is { } week)
        {
            var filter = _filter with { From = week.Week.From, To = week.Week.To };
            Navigation.NavigateTo(state ? RowsLinks.State(filter, name) : RowsLinks.Category(filter, name));
        }
    }

    private string Api(string path, DateOnly week) => "api/orders/" + path + Text.Query(Pairs(week, _filter));

    private static IEnumerable<KeyValuePair<string, string>> Pairs(DateOnly week, OrderFilter filter) =>
        new[] { new KeyValuePair<string, string>(QueryParsing.WeekKey, week.ToString("yyyy-MM-dd", Invariant)) }.Concat(filter.ToPairs());

    private async Task Print() => await JS.InvokeVoidAsync("print");

    // The e-mail digest writes the same numbers the same way (WeeklyReviewFormat), in full, in the display culture.
    private static string Format(string kpi) => WeeklyReviewFormat.Format(kpi);

    private string Value(decimal? value, string format) => WeeklyReviewFormat.Value(value, format, DisplayNumbers.Current, _review?.Currency);

    private string Change(KpiValue kpi, string format) => WeeklyReviewFormat.Change(kpi, format, DisplayNumbers.Current, _review?.Currency);

    private static string Direction(KpiValue kpi, string name) => WeeklyReviewFormat.Direction(kpi, name);
}
