namespace Dashboard.Core.Orders;

/// <summary>One category bar (by revenue, largest first). <see cref="Selected"/>: the category filter names it.</summary>
public sealed record CategoryPoint(string Category, int Orders, long Units, decimal Revenue, bool Selected);
