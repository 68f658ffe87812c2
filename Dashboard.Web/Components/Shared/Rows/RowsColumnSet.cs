namespace Dashboard.Web.Components.Shared.Rows;

/// <summary>
/// A rows explorer's columns: every one in order, its API name (<c>sort=</c>, <c>cols=</c>), its heading, and the sort a page
/// opens with.
/// </summary>
public sealed record RowsColumnSet<TColumn>(
    IReadOnlyList<TColumn> All,
    Func<TColumn, string> KeyOf,
    IReadOnlyDictionary<TColumn, string> Titles,
    TColumn DefaultSort)
    where TColumn : struct, Enum
{
    public bool TryParse(string? key, out TColumn column)
    {
        foreach (var c in All)
        {
            if (string.Equals(KeyOf(c), key, StringComparison.OrdinalIgnoreCase))
            {
                column = c;
                return true;
            }
        }
        column = DefaultSort;
        return false;
    }
}
