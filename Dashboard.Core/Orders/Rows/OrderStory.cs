namespace Dashboard.Core.Orders.Rows;

/// <summary>Every line of one order, whatever a filter says, each with its history across imports.</summary>
public sealed record OrderStory(string OrderId, IReadOnlyList<OrderStoryLine> Lines);
