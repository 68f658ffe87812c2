namespace Dashboard.Core.Views;

/// <summary>
/// A page with its state, kept under a name: the page's path and its URL's query string (filters and, in the rows
/// explorer, the sort, page and columns). Private to its owner, or shared with everyone who may open the page.
/// </summary>
public sealed class SavedView
{
    public long Id { get; set; }
    public long OwnerId { get; set; }
    public required string Name { get; set; }
    /// <summary>One of <see cref="ViewPages.All"/>, base-relative without a slash: <c>orders/rows</c>.</summary>
    public required string Page { get; set; }
    /// <summary>The page's query string without <c>?</c>.</summary>
    public string Query { get; set; } = "";
    public bool IsShared { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
