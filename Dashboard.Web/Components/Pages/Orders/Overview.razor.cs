using Dashboard.Core.Orders;
using Dashboard.Core.Views;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
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
    private SavedViews Views { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

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
        _options ??= await Query.GetFilterOptionsAsync();
        _overview = await Query.GetAsync(_filter, _grain);
        _figures = new Figures(
            OverviewFigures.OverTime(_overview.OverTime, _metric, _overview.Currency),
            OverviewFigures.Weekdays(_overview.Weekdays, _metric, _overview.Currency),
            OverviewFigures.Categories(_overview.Categories, _overview.Currency),
            OverviewFigures.Months(_overview.Months, _overview.Currency));
    }

    /// <summary>The signed-in user's start page when they open the bare root (<c>/</c>); the overview stays at <c>/orders</c>.</summary>
    private async Task<string?> StartPageAsync()
    {
        var path = Navigation.ToBaseRelativePath(Navigation.Uri);
        return path.Length == 0 && await CurrentUser.GetAsync() is { } user ? await Views.StartUrlAsync(user) : null;
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
