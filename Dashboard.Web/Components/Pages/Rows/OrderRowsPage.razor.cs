using Dashboard.Core.Orders;
using Dashboard.Core.Orders.Rows;
using Dashboard.Web.Components.Shared.Rows;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Rows;

/// <summary>
/// The order lines' rows explorer: the overview's filter bar, a search on Order ID, SKU or city, and an order's story a
/// click away. The grid, its state and its URL are <see cref="RowsExplorerPage{TFilter, TRow, TColumn, TPage}"/>'s.
/// </summary>
public sealed partial class OrderRowsPage : RowsExplorerPage<OrderFilter, OrderRow, RowsColumn, RowsPage>
{
    public const string PagePath = "orders/rows";

    /// <summary>The columns and their headings.</summary>
    internal static readonly RowsColumnSet<RowsColumn> Columns = new(RowsColumns.All, RowsColumns.KeyOf, new Dictionary<RowsColumn, string>
    {
        [RowsColumn.OrderId] = "Order ID", [RowsColumn.Sku] = "SKU", [RowsColumn.Date] = "Date", [RowsColumn.Status] = "Status",
        [RowsColumn.StatusGroup] = "Status group", [RowsColumn.Category] = "Category", [RowsColumn.Size] = "Size", [RowsColumn.Qty] = "Qty",
        [RowsColumn.Currency] = "Currency", [RowsColumn.Amount] = "Amount", [RowsColumn.City] = "City", [RowsColumn.State] = "State",
        [RowsColumn.Fulfilment] = "Fulfilment", [RowsColumn.Channel] = "Sales channel", [RowsColumn.ServiceLevel] = "Service level", [RowsColumn.B2B] = "B2B",
    }, RowsColumn.Date);

    private OrderFilterOptions? _options;
    private OrderRowsPages? _pages;

    [Inject]
    private OrderRowsQuery Query { get; set; } = default!;

    [Inject]
    private OrdersOverviewQuery Overview { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override string Path => PagePath;

    protected override RowsColumnSet<RowsColumn> Set => Columns;

    protected override async Task PrepareAsync() => _options ??= await Overview.GetFilterOptionsAsync();

    protected override OrderFilter ParseFilter(IReadOnlyList<KeyValuePair<string, string?>> pairs) => OrderFilter.Parse(pairs);

    protected override IEnumerable<KeyValuePair<string, string>> FilterPairs(OrderFilter filter) => filter.ToPairs();

    /// <summary>The grid's page: "next" and "previous" after a page this circuit has read, by its cursor (decision 0035).</summary>
    protected override Task<RowsPage> ReadAsync(OrderFilter filter, RowsGridState<RowsColumn> grid, CancellationToken cancellationToken) =>
        (_pages ??= new OrderRowsPages(Query)).PageAsync(filter, grid.Search, grid.Sort, grid.Descending, grid.Page, grid.Size, cancellationToken);

    protected override GridData<OrderRow> DataOf(RowsPage page) => new() { Items = page.Rows, TotalItems = page.Lines };

    private Task OpenStoryAsync(string orderId) => OrderStoryDialog.ShowAsync(Dialogs, orderId);
}
