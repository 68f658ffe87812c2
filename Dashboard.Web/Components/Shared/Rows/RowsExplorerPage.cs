using Dashboard.Web.Api;
using MudBlazor;

namespace Dashboard.Web.Components.Shared.Rows;

/// <summary>
/// A rows explorer (decision 0030): the rows a filter selects, one page at a time from the server (the grid's <c>ServerData</c>),
/// sorted on any column, with the totals of all of them. The page's state (<see cref="Filter"/> and <see cref="Grid"/>) is the
/// single source: every control, the grid's own header and pager included, changes the state first and then writes the URL
/// from it (<see cref="OwnNavigations"/>), and a page read that finishes after a newer one started is dropped. Any other change
/// of the URL (a link, Back) is read into the state and builds the grid anew.
/// </summary>
public abstract class RowsExplorerPage<TFilter, TRow, TColumn, TPage> : UrlStatePage
    where TColumn : struct, Enum
    where TPage : class
{
    private readonly OwnNavigations _own = new();
    private Func<GridState<TRow>, CancellationToken, Task<GridData<TRow>>>? _load;
    private int _loadKey = -1;
    private int _version;
    private bool _skipRender;

    /// <summary>The page's base-relative path (<c>orders/rows</c>).</summary>
    protected abstract string Path { get; }

    protected abstract RowsColumnSet<TColumn> Set { get; }

    protected override IReadOnlyList<string> Paths => [Path];

    protected TFilter Filter { get; private set; } = default!;

    protected RowsGridState<TColumn> Grid { get; private set; } = default!;

    /// <summary>Changes whenever the grid must be built anew from <see cref="Grid"/> (its sort is read only when it is built).</summary>
    protected int GridKey { get; private set; }

    /// <summary>The last page read, whose totals are shown; null until the first arrives.</summary>
    protected TPage? Totals { get; private set; }

    protected abstract TFilter ParseFilter(IReadOnlyList<KeyValuePair<string, string?>> pairs);

    protected abstract IEnumerable<KeyValuePair<string, string>> FilterPairs(TFilter filter);

    /// <summary>The page of rows (and the totals) for the filter and the grid's search, sort and paging.</summary>
    protected abstract Task<TPage> ReadAsync(TFilter filter, RowsGridState<TColumn> grid, CancellationToken cancellationToken);

    protected abstract GridData<TRow> DataOf(TPage page);

    /// <summary>Anything the page needs before it draws (the filter bar's options). Default: nothing.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    protected override async Task LoadFromUrlAsync()
    {
        var pairs = QueryParsing.Pairs(Navigation.Uri).ToList();
        await PrepareAsync();
        var (filter, grid) = (ParseFilter(pairs), RowsGridState<TColumn>.Parse(pairs, Set));
        if (_own.Arrived(KeyOf(filter, grid)))
        {
            // the page's own change, drawn already: drawing it again would give the controls new handlers under a click on its way
            _skipRender = true;
            return;
        }
        (Filter, Grid) = (filter, grid);
        GridKey++;
    }

    protected override bool ShouldRender()
    {
        var render = !_skipRender;
        _skipRender = false;
        return render;
    }

    /// <summary>The grid's loader: one per built grid, so a grid that has been replaced can no longer change the state.</summary>
    protected Func<GridState<TRow>, CancellationToken, Task<GridData<TRow>>> Loader()
    {
        if (_load is null || _loadKey != GridKey)
        {
            var key = _loadKey = GridKey;
            _load = (state, cancellationToken) => LoadAsync(key, state, cancellationToken);
        }
        return _load;
    }

    private async Task<GridData<TRow>> LoadAsync(int key, GridState<TRow> state, CancellationToken cancellationToken)
    {
        if (key != GridKey)
        {
            return new GridData<TRow> { Items = [], TotalItems = 0 }; // a grid already replaced: nothing to read
        }
        {
            // the header or the pager of the grid on screen: a change of the state like any other control's
            var sort = state.SortDefinitions.FirstOrDefault();
            var grid = Grid with
            {
                Sort = sort is not null && Enum.TryParse<TColumn>(sort.SortBy, out var column) ? column : Grid.Sort,
                Descending = sort?.Descending ?? Grid.Descending,
                Page = state.Page,
                Size = state.PageSize,
            };
            Change(Filter, grid, rebuild: false);
        }
        var version = ++_version;
        var page = await ReadAsync(Filter, Grid, cancellationToken);
        if (version == _version)
        {
            Totals = page;
            StateHasChanged();
        }
        return DataOf(page);
    }

    /// <summary>A control's change: the state first, then the URL from it; <paramref name="rebuild"/> builds the grid anew (its sort).</summary>
    protected void Change(TFilter filter, RowsGridState<TColumn> grid, bool rebuild = true)
    {
        var key = KeyOf(filter, grid);
        if (key == KeyOf(Filter, Grid))
        {
            return;
        }
        (Filter, Grid) = (filter, grid);
        if (rebuild)
        {
            GridKey++;
        }
        _own.Sent(key);
        Navigation.NavigateTo(Path + Text.Query(FilterPairs(filter).Concat(grid.ToPairs(Set, withPaging: true))));
    }

    protected void ChangeFilter(TFilter filter) => Change(filter, Grid with { Page = 0 });

    protected void ChangeSearch(string? search) =>
        Change(Filter, Grid with { Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(), Page = 0 });

    protected void ChangeSort(TColumn sort) => Change(Filter, Grid with { Sort = sort, Page = 0 });

    protected void ChangeDescending(bool descending) => Change(Filter, Grid with { Descending = descending, Page = 0 });

    /// <summary>Shows or hides a column: the grid keeps its page and sort.</summary>
    protected void ToggleColumn(TColumn column) => Change(Filter, Grid.Toggle(column, Set), rebuild: false);

    protected SortDirection Initial(TColumn column) =>
        !column.Equals(Grid.Sort) ? SortDirection.None : Grid.Descending ? SortDirection.Descending : SortDirection.Ascending;

    /// <summary>The query the downloads take: the filter, the search and the sort (every row, not one page).</summary>
    protected string ExportQuery => Text.Query(FilterPairs(Filter).Concat(Grid.ToPairs(Set, withPaging: false)));

    private string KeyOf(TFilter filter, RowsGridState<TColumn> grid) =>
        Core.Orders.OrderFilter.ToQueryString(FilterPairs(filter).Concat(grid.ToPairs(Set, withPaging: true)));
}
