namespace Dashboard.Core.Orders.Rows;

/// <summary>One line of an order as it is now, and its versions across imports, oldest first (the last one is the current).</summary>
public sealed record OrderStoryLine(OrderRow Line, IReadOnlyList<LineVersion> History);
