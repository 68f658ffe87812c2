namespace Dashboard.Core.Orders;

/// <summary>The coarse outcome of an order line, derived from its raw status through <see cref="StatusGroupMapping"/>.</summary>
public enum StatusGroup
{
    Pending,
    Shipped,
    Delivered,
    Returned,
    Cancelled,
    Lost,
    Other,
}
