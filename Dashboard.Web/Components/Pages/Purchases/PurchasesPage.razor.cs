using System.Globalization;
using Dashboard.Core.Purchases;
using Dashboard.Core.Users;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Pages.PurchaseRows;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Components.Shared.Rows;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Purchases;

/// <summary>
/// Customer purchases: distribution and mean purchase by demographic; the filter lives in the URL. For analysts, each number
/// links to its transactions (<see cref="PurchaseTransactionsPage"/>), and a bar click offers that group's.
/// </summary>
public sealed partial class PurchasesPage : UrlStatePage
{
    protected override IReadOnlyList<string> Paths { get; } = ["purchases"];

    private PurchaseFilter _filter = PurchaseFilter.None;
    private PurchasesSummary? _summary;
    private ChartFigure? _histogram;
    private IReadOnlyList<(PurchaseBreakdown Breakdown, ChartFigure Figure)> _breakdowns = [];
    private bool _canSeeRows;

    [Inject]
    private PurchasesQuery PurchasesQuery { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private string Query => Text.Query(_filter.ToPairs());

    /// <summary>The transactions behind the page's numbers, for those who may open them.</summary>
    private string? RowsHref => _canSeeRows ? PurchaseTransactionsPage.Of(_filter) : null;

    protected override async Task LoadFromUrlAsync()
    {
        _canSeeRows = await CurrentUser.GetAsync() is { } user && user.Can(Role.Analyst);
        _filter = PurchaseFilter.Parse(QueryParsing.Pairs(Navigation.Uri));
        _summary = await PurchasesQuery.GetAsync(_filter);
        _histogram = PurchasesFigures.Histogram(_summary);
        _breakdowns = _summary.Breakdowns.Select(b => (b, PurchasesFigures.Breakdown(b))).ToList();
    }

    /// <summary>A bar filters the other charts, and offers that group's transactions with the page's other filters.</summary>
    private Task OnBarClick(PurchaseDimension dimension, ChartClick click)
    {
        if (click.Value is not { } value)
        {
            return Task.CompletedTask;
        }
        if (_canSeeRows)
        {
            RowsOffer.Show(Snackbar, Navigation, $"The transactions of {PurchasesFigures.Title(dimension).ToLowerInvariant()} {value}, with this page's other filters.",
                PurchaseTransactionsPage.Of(_filter, dimension, value));
        }
        return Go(_filter.Toggle(dimension, value));
    }

    /// <summary>A breakdown's data table: each group's transactions (the keyboard's way to a bar's Show rows).</summary>
    private Func<ChartRow, string?>? RowsOf(PurchaseDimension dimension) => !_canSeeRows ? null
        : row => row.Key is { } value ? PurchaseTransactionsPage.Of(_filter, dimension, value) : null;

    private Task Go(PurchaseFilter filter)
    {
        Navigation.NavigateTo("purchases" + Text.Query(filter.ToPairs()));
        return Task.CompletedTask;
    }

    private static string Quantile(double p) => p == 0.5 ? "Median" : "p" + (p * 100).ToString("0", CultureInfo.InvariantCulture);
}
