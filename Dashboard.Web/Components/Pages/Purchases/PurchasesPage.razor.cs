using System.Globalization;
using Dashboard.Core.Purchases;
using Dashboard.Web.Api;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Purchases;

/// <summary>Customer purchases: distribution and mean purchase by demographic; the filter lives in the URL.</summary>
public sealed partial class PurchasesPage : UrlStatePage
{
    protected override IReadOnlyList<string> Paths { get; } = ["purchases"];

    private PurchaseFilter _filter = PurchaseFilter.None;
    private PurchasesSummary? _summary;
    private ChartFigure? _histogram;
    private IReadOnlyList<(PurchaseBreakdown Breakdown, ChartFigure Figure)> _breakdowns = [];

    [Inject]
    private PurchasesQuery PurchasesQuery { get; set; } = default!;

    private string Query => Text.Query(_filter.ToPairs());

    protected override async Task LoadFromUrlAsync()
    {
        _filter = PurchaseFilter.Parse(QueryParsing.Pairs(Navigation.Uri));
        _summary = await PurchasesQuery.GetAsync(_filter);
        _histogram = PurchasesFigures.Histogram(_summary);
        _breakdowns = _summary.Breakdowns.Select(b => (b, PurchasesFigures.Breakdown(b))).ToList();
    }

    private Task Go(PurchaseFilter filter)
    {
        Navigation.NavigateTo("purchases" + Text.Query(filter.ToPairs()));
        return Task.CompletedTask;
    }

    private static string Quantile(double p) => p == 0.5 ? "Median" : "p" + (p * 100).ToString("0", CultureInfo.InvariantCulture);
}
