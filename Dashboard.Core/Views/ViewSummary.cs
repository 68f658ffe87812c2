namespace Dashboard.Core.Views;

/// <summary>
/// A view as a reader sees it: <see cref="Url"/> opens it (base-relative, <c>orders/rows?category=Set</c>); <see cref="Mine"/>
/// when the reader owns it, <see cref="CanChange"/> when they may rename or delete it, <see cref="IsStart"/> when it is their
/// start page.
/// </summary>
public sealed record ViewSummary(long Id, string Name, string Page, string Query, bool Shared, string Owner, bool Mine, bool CanChange,
    bool IsStart, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public string Url => Page + (Query.Length > 0 ? "?" + Query : "");
}
