using System.Globalization;
using Dashboard.Core.Analytics.Orders;
using Dashboard.Core.Analytics.WeeklyReview;
using Dashboard.Web.Api;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Web.Components.Pages.Orders;

/// <summary>The weekly review for managers: linkable to any week (<c>?week=yyyy-MM-dd</c>) and filter, printable on A4.</summary>
public sealed partial class WeeklyReviewPage : UrlStatePage
{
    protected override IReadOnlyList<string> Paths { get; } = ["weekly"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private OrderFilter _filter = OrderFilter.None;
    private OrderFilterOptions? _options;
    private WeeklyReview? _review;
    private Figures? _figures;

    private sealed record Figures(ChartFigure Days, ChartFigure Categories, ChartFigure CategoryMovers, ChartFigure StateMovers);

    [Inject]
    private WeeklyReviewQuery Query { get; set; } = default!;

    [Inject]
    private OrdersOverviewQuery Options { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override async Task LoadFromUrlAsync()
    {
        var pairs = QueryParsing.Pairs(Navigation.Uri).ToList();
        _filter = OrderFilter.Parse(pairs) with { From = null, To = null };
        _options ??= await Options.GetFilterOptionsAsync();
        _review = await Query.GetAsync(QueryParsing.Week(pairs), _filter);
        _figures = new Figures(
            WeeklyReviewFigures.Days(_review),
            WeeklyReviewFigures.Categories(_review),
            WeeklyReviewFigures.Movers(_review.CategoryMovers, _review.Currency),
            WeeklyReviewFigures.Movers(_review.StateMovers, _review.Currency));
    }

    private Task Go(DateOnly week, OrderFilter filter)
    {
        Navigation.NavigateTo("weekly" + Text.Query(Pairs(week, filter)));
        return Task.CompletedTask;
    }

    private string Api(string path, DateOnly week) => "api/orders/" + path + Text.Query(Pairs(week, _filter));

    private static IEnumerable<KeyValuePair<string, string>> Pairs(DateOnly week, OrderFilter filter) =>
        new[] { new KeyValuePair<string, string>(QueryParsing.WeekKey, week.ToString("yyyy-MM-dd", Invariant)) }.Concat(filter.ToPairs());

    private async Task Print() => await JS.InvokeVoidAsync("print");

    private static string Format(string kpi) => kpi switch
    {
        "Revenue" or "Average order value" => "N2",
        "Cancellation rate" => "P1",
        _ => "N0",
    };

    private static string Value(decimal? value, string format) => value is not { } v
        ? "–"
        : format == "P1" ? (v * 100).ToString("0.0", Invariant) + "%" : v.ToString(format, Invariant);

    private static string Change(KpiValue kpi, string format)
    {
        if (kpi.Change is not { } change)
        {
            return "–";
        }
        if (format == "P1")
        {
            return (change * 100).ToString("+0.0;-0.0;0.0", Invariant) + " pp";
        }
        var text = change.ToString(format == "N2" ? "+#,##0.00;-#,##0.00;0.00" : "+#,##0;-#,##0;0", Invariant);
        return kpi.ChangeRatio is { } ratio ? $"{text} ({ratio.ToString("+0.0%;-0.0%;0.0%", Invariant)})" : text;
    }

    private static string Direction(KpiValue kpi, string name) => kpi.Change switch
    {
        null or 0 => "",
        > 0 => name == "Cancellation rate" ? "down" : "up",
        _ => name == "Cancellation rate" ? "up" : "down",
    };
}
