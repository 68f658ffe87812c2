using System.Globalization;
using Dashboard.Web.Api;

namespace Dashboard.Web.Components.Shared.Rows;

/// <summary>
/// A rows explorer's grid as its URL keeps it, beside the page's filter keys: <c>q</c> (search), <c>sort</c> and <c>dir</c> as
/// the rows API takes them, <c>page</c> (from 1), <c>size</c> and <c>cols</c> (the shown columns' API names, comma-separated,
/// when not all). Defaults are left out of the URL; the keys are a contract with saved views (decision 0031).
/// </summary>
public sealed record RowsGridState<TColumn>(string? Search, TColumn Sort, bool Descending, int Page, int Size, IReadOnlyList<TColumn> Columns)
    where TColumn : struct, Enum
{
    public const string PageKey = "page";
    public const string SizeKey = "size";
    public const string ColumnsKey = "cols";

    /// <summary>The page sizes the pager offers; a link may ask for any size up to <see cref="MaxSize"/>.</summary>
    public static readonly int[] Sizes = [10, 25, 50, 100];

    public const int DefaultSize = 50;
    public const int MaxSize = 100;

    public int Offset => Page * Size;

    public static RowsGridState<TColumn> Default(RowsColumnSet<TColumn> set) => new(null, set.DefaultSort, false, 0, DefaultSize, set.All);

    /// <summary>The state in <paramref name="pairs"/>; what cannot be read falls back to its default (a page never refuses its own URL).</summary>
    public static RowsGridState<TColumn> Parse(IReadOnlyList<KeyValuePair<string, string?>> pairs, RowsColumnSet<TColumn> set)
    {
        string? Get(string key) => pairs.LastOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
        var sort = set.TryParse(Get(RowsApi.SortKey), out var s) ? s : set.DefaultSort;
        var page = int.TryParse(Get(PageKey), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p - 1 : 0;
        var size = int.TryParse(Get(SizeKey), NumberStyles.None, CultureInfo.InvariantCulture, out var z) && z is >= 1 and <= MaxSize ? z : DefaultSize;
        var columns = Get(ColumnsKey) is { Length: > 0 } cols
            ? cols.Split(',').Select(c => set.TryParse(c, out var col) ? col : (TColumn?)null).OfType<TColumn>().Distinct().ToList()
            : [];
        var search = Get(RowsApi.SearchKey) is { } q && !string.IsNullOrWhiteSpace(q) ? q.Trim() : null;
        return new(search, sort, string.Equals(Get(RowsApi.DirectionKey), "desc", StringComparison.OrdinalIgnoreCase), page, size,
            columns.Count > 0 ? columns : set.All);
    }

    public bool Shows(TColumn column) => Columns.Contains(column);

    /// <summary>The state with <paramref name="column"/> shown or hidden; the last shown column stays.</summary>
    public RowsGridState<TColumn> Toggle(TColumn column, RowsColumnSet<TColumn> set)
    {
        var columns = Shows(column) ? Columns.Where(c => !c.Equals(column)).ToList() : set.All.Where(c => c.Equals(column) || Shows(c)).ToList();
        return columns.Count == 0 ? this : this with { Columns = columns };
    }

    /// <summary>The URL's grid keys; without paging, the keys the downloads take (the search and the sort).</summary>
    public IEnumerable<KeyValuePair<string, string>> ToPairs(RowsColumnSet<TColumn> set, bool withPaging)
    {
        if (Search is not null)
        {
            yield return new(RowsApi.SearchKey, Search);
        }
        if (!Sort.Equals(set.DefaultSort) || Descending)
        {
            yield return new(RowsApi.SortKey, set.KeyOf(Sort));
            yield return new(RowsApi.DirectionKey, Descending ? "desc" : "asc");
        }
        if (!withPaging)
        {
            yield break;
        }
        if (Page > 0)
        {
            yield return new(PageKey, (Page + 1).ToString(CultureInfo.InvariantCulture));
        }
        if (Size != DefaultSize)
        {
            yield return new(SizeKey, Size.ToString(CultureInfo.InvariantCulture));
        }
        if (Columns.Count != set.All.Count)
        {
            yield return new(ColumnsKey, string.Join(",", set.All.Where(Shows).Select(set.KeyOf)));
        }
    }
}
