namespace Dashboard.Core.Views;

/// <summary>A new view: its name, the page (<c>orders/rows</c>), the page's query string and whether everyone sees it.</summary>
public sealed record ViewInput(string? Name, string? Page, string? Query, bool Shared);
