using Dashboard.Core.Orders;
using Dashboard.Core.Orders.Rows;
using Dashboard.Web.Api;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Rows;

/// <summary>
/// The rows explorer: the order lines a filter selects, one page at a time from the server (the grid's <c>ServerData</c>),
/// sorted on any column, with the totals of all of them. Its whole state is in the URL (<see cref="OrderRowsUrl"/>): the grid's
/// own sort and page changes are written to the URL, and any other change of the URL (the filter bar, the search, Back)
/// builds the grid anew from it.
/// </summary>
public sealed partial class OrderRowsPage : UrlStatePage
{
    protected override IReadOnlyList<string> Paths { get; } = [OrderRowsUrl.Path];

    /// <summary>Each column's heading.</summary>
    private static readonly IReadOnlyDictionary<RowsColumn, string> Titles = new Dictionary<RowsColumn, string>
    {
        [RowsColumn.OrderId] = "Order ID", [RowsColumn.Sku] = "SKU", [RowsColumn.Date] = "Date", [RowsColumn.Status] = "Status",
        [RowsColumn.StatusGroup] = "Status group", [RowsColumn.Category] = "Category", [RowsColumn.Size] = "Size", [RowsColumn.Qty] = "Qty",
        [RowsColumn.Currency] = "Currency", [RowsColumn.Amount] = "Amount", [RowsColumn.City] = "City", [RowsColumn.State] = "State",
        [RowsColumn.Fulfilment] = "Fulfilment", [RowsColumn.Channel] = "Sales channel", [RowsColumn.ServiceLevel] = "Service level", [RowsColumn.B2B] = "B2B",
    };

    private OrderRowsUrl _url = OrderRowsUrl.Default;
    private OrderFilterOptions? _options;
    private RowsPage? _totals;
    private MudDataGrid<OrderRow>? _grid;
    private int _gridKey;

    [Inject]
    private OrderRowsQuery Query { get; set; } = default!;

    [Inject]
    private OrdersOverviewQuery Overview { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override async Task LoadFromUrlAsync()
    {
        var url = OrderRowsUrl.Parse(QueryParsing.Pairs(Navigation.Uri).ToList());
        _options ??= await Overview.GetFilterOptionsAsync();
        if (url.Key != _url.Key)
        {
            // not the grid's own change (that one is in _url already): build the grid anew from the URL
            _url = url;
            _gridKey++;
        }
    }

    /// <summary>The grid's page: the request from the grid's sort and paging, with the URL's filter and search.</summary>
    private async Task<GridData<OrderRow>> LoadAsync(GridState<OrderRow> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var url = _url with
        {
            Sort = sort is not null && Enum.TryParse<RowsColumn>(sort.SortBy, out var column) ? column : _url.Sort,
            Descending = sort?.Descending ?? _url.Descending,
            Page = state.Page,
            Size = state.PageSize,
        };
        if (url.Key != _url.Key)
        {
            _url = url;
            Navigation.NavigateTo(OrderRowsUrl.Path + Text.Query(url.ToPairs()));
        }
        var page = await Query.PageAsync(url.Request, cancellationToken);
        _totals = page;
        StateHasChanged();
        return new GridData<OrderRow> { Items = page.Rows, TotalItems = page.Lines };
    }

    private SortDirection Initial(RowsColumn column) =>
        column != _url.Sort ? SortDirection.None : _url.Descending ? SortDirection.Descending : SortDirection.Ascending;

    private void ToggleColumn(RowsColumn column)
    {
        var columns = _url.Shows(column) ? _url.Columns.Where(c => c != column).ToList() : [.. _url.Columns, column];
        if (columns.Count > 0)
        {
            // the grid keeps its page and sort: only what it shows changes
            _url = _url with { Columns = columns };
            Navigation.NavigateTo(OrderRowsUrl.Path + Text.Query(_url.ToPairs()));
        }
    }

    private Task Go(OrderRowsUrl url)
    {
        Navigation.NavigateTo(OrderRowsUrl.Path + Text.Query(url.ToPairs()));
        return Task.CompletedTask;
    }

    private Task OpenStoryAsync(string orderId) => OrderStoryDialog.ShowAsync(Dialogs, orderId);

    private string Export(string path) => "api/" + path + Text.Query(_url.ExportPairs());

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
