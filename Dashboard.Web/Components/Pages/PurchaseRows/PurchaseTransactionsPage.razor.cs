using Dashboard.Core.Purchases;
using Dashboard.Core.Purchases.Rows;
using Dashboard.Web.Components.Pages.Purchases;
using Dashboard.Web.Components.Shared.Rows;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.PurchaseRows;

/// <summary>
/// The customer purchases' rows explorer: the labelled transactions the purchases page's filter selects, with a search on the
/// user or product ID. The grid, its state and its URL are <see cref="RowsExplorerPage{TFilter, TRow, TColumn, TPage}"/>'s.
/// </summary>
public sealed partial class PurchaseTransactionsPage : RowsExplorerPage<PurchaseFilter, PurchaseRow, PurchaseRowsColumn, PurchaseRowsPage>
{
    public const string PagePath = "purchases/rows";

    internal static readonly RowsColumnSet<PurchaseRowsColumn> Columns = new(PurchaseRowsColumns.All, PurchaseRowsColumns.KeyOf,
        new Dictionary<PurchaseRowsColumn, string>
        {
            [PurchaseRowsColumn.UserId] = "User ID", [PurchaseRowsColumn.ProductId] = "Product ID",
            [PurchaseRowsColumn.Gender] = PurchasesFigures.Title(PurchaseDimension.Gender),
            [PurchaseRowsColumn.AgeBand] = PurchasesFigures.Title(PurchaseDimension.AgeBand),
            [PurchaseRowsColumn.Occupation] = PurchasesFigures.Title(PurchaseDimension.Occupation),
            [PurchaseRowsColumn.CityCategory] = PurchasesFigures.Title(PurchaseDimension.CityCategory),
            [PurchaseRowsColumn.StayYears] = PurchasesFigures.Title(PurchaseDimension.StayYears),
            [PurchaseRowsColumn.Married] = PurchasesFigures.Title(PurchaseDimension.Married),
            [PurchaseRowsColumn.ProductCategory1] = "Product category 1", [PurchaseRowsColumn.ProductCategory2] = "Product category 2",
            [PurchaseRowsColumn.ProductCategory3] = "Product category 3", [PurchaseRowsColumn.Purchase] = "Purchase",
        }, PurchaseRowsColumn.UserId);

    [Inject]
    private PurchaseRowsQuery Query { get; set; } = default!;

    protected override string Path => PagePath;

    protected override RowsColumnSet<PurchaseRowsColumn> Set => Columns;

    /// <summary>The rows of <paramref name="filter"/> (drill-through from the purchases page).</summary>
    public static string Of(PurchaseFilter filter) => PagePath + Shared.Text.Query(filter.ToPairs());

    /// <summary>The rows of one group (a bar): <paramref name="dimension"/> narrowed to <paramref name="value"/>, the rest of the filter kept.</summary>
    public static string Of(PurchaseFilter filter, PurchaseDimension dimension, string value) =>
        Of(filter with { Values = new Dictionary<PurchaseDimension, IReadOnlyList<string>>(filter.Values) { [dimension] = [value] } });

    protected override PurchaseFilter ParseFilter(IReadOnlyList<KeyValuePair<string, string?>> pairs) => PurchaseFilter.Parse(pairs);

    protected override IEnumerable<KeyValuePair<string, string>> FilterPairs(PurchaseFilter filter) => filter.ToPairs();

    protected override Task<PurchaseRowsPage> ReadAsync(PurchaseFilter filter, RowsGridState<PurchaseRowsColumn> grid,
        CancellationToken cancellationToken) =>
        Query.PageAsync(new PurchaseRowsRequest(filter, grid.Search, grid.Sort, grid.Descending, grid.Offset, grid.Size), cancellationToken);

    protected override GridData<PurchaseRow> DataOf(PurchaseRowsPage page) =>
        new() { Items = page.Rows, TotalItems = page.Transactions };

    private static string Title(PurchaseRowsColumn column) => Columns.Titles[column];

    private bool Hide(PurchaseRowsColumn column) => !Grid.Shows(column);
}
