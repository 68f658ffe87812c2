using System.Globalization;
using Dashboard.Core.Orders;
using Dashboard.Core.Orders.Rows;

namespace Dashboard.Web.Components.Pages.Rows;

/// <summary>
/// The rows explorer's state as its URL keeps it: the overview's filter keys, and <c>q</c> (search), <c>sort</c> and <c>dir</c>
/// as <c>/api/orders/rows</c> takes them, <c>page</c> (from 1), <c>size</c> and <c>cols</c> (the shown columns' API names,
/// comma-separated, when not all). Defaults are left out of the URL.
/// </summary>
public sealed record OrderRowsUrl(OrderFilter Filter, string? Search, RowsColumn Sort, bool Descending, int Page, int Size,
    IReadOnlyList<RowsColumn> Columns)
{
    public const string Path = "orders/rows";
    public const string SearchKey = Api.RowsApi.SearchKey;
    public const string SortKey = Api.RowsApi.SortKey;
    public const string DirKey = Api.RowsApi.DirectionKey;
    public const string PageKey = "page";
    public const string SizeKey = "size";
    public const string ColumnsKey = "cols";

    /// <summary>The page sizes the pager offers; a link may ask for any size up to <see cref="MaxSize"/>.</summary>
    public static readonly int[] Sizes = [10, 25, 50, 100];

    public const int DefaultSize = 50;
    public const int MaxSize = 100;

    public static readonly OrderRowsUrl Default = new(OrderFilter.None, null, RowsColumn.Date, false, 0, DefaultSize, RowsColumns.All);

    /// <summary>The state in <paramref name="pairs"/>; what cannot be read falls back to its default (a page never refuses its own URL).</summary>
    public static OrderRowsUrl Parse(IReadOnlyList<KeyValuePair<string, string?>> pairs)
    {
        string? Get(string key) => pairs.LastOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
        var sort = RowsColumns.TryParse(Get(SortKey), out var s) ? s : Default.Sort;
        var page = int.TryParse(Get(PageKey), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p - 1 : 0;
        var size = int.TryParse(Get(SizeKey), NumberStyles.None, CultureInfo.InvariantCulture, out var z) && z is >= 1 and <= MaxSize ? z : Default.Size;
        var columns = Get(ColumnsKey) is { Length: > 0 } cols
            ? cols.Split(',').Select(c => RowsColumns.TryParse(c, out var col) ? col : (RowsColumn?)null).OfType<RowsColumn>().Distinct().ToList()
            : [];
        return new OrderRowsUrl(OrderFilter.Parse(pairs), string.IsNullOrWhiteSpace(Get(SearchKey)) ? null : Get(SearchKey)!.Trim(), sort,
            string.Equals(Get(DirKey), "desc", StringComparison.OrdinalIgnoreCase), page, size, columns.Count > 0 ? columns : RowsColumns.All);
    }

    /// <summary>The URL's query pairs (filters first).</summary>
    public IEnumerable<KeyValuePair<string, string>> ToPairs() => Filter.ToPairs().Concat(GridPairs(withPaging: true));

    /// <summary>The keys the exports take: the filter, the search and the sort.</summary>
    public IEnumerable<KeyValuePair<string, string>> ExportPairs() => Filter.ToPairs().Concat(GridPairs(withPaging: false));

    /// <summary>The request for the grid's page.</summary>
    public RowsRequest Request => new(Filter, Search, Sort, Descending, Page * Size, Size);

    /// <summary>The state as its query string: two states are the same page when their keys are equal (the lists in a record compare by reference).</summary>
    public string Key => OrderFilter.ToQueryString(ToPairs());

    public bool Shows(RowsColumn column) => Columns.Contains(column);

    private IEnumerable<KeyValuePair<string, string>> GridPairs(bool withPaging)
    {
        if (Search is not null)
        {
            yield return new(SearchKey, Search);
        }
        if (Sort != Default.Sort || Descending)
        {
            yield return new(SortKey, RowsColumns.KeyOf(Sort));
            yield return new(DirKey, Descending ? "desc" : "asc");
        }
        if (!withPaging)
        {
            yield break;
        }
        if (Page > 0)
        {
            yield return new(PageKey, (Page + 1).ToString(CultureInfo.InvariantCulture));
        }
        if (Size != Default.Size)
        {
            yield return new(SizeKey, Size.ToString(CultureInfo.InvariantCulture));
        }
        if (Columns.Count != RowsColumns.All.Count)
        {
            yield return new(ColumnsKey, string.Join(",", RowsColumns.All.Where(Columns.Contains).Select(RowsColumns.KeyOf)));
        }
    }
}
