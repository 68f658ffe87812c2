namespace Dashboard.Core.Drivers;

/// <summary>
/// One value's measures in one period, for the drivers. Line measures (<c>Lines</c>, <c>Cancelled</c>, <c>Units</c>,
/// <c>RevenueMinor</c>) belong to the value of each line; order measures (<c>Orders</c>, <c>PaidOrders</c>,
/// <c>OrderRevenueMinor</c>) to the one value each order is attributed to (<see cref="DriverScan"/>).
/// </summary>
internal struct DriverCell
{
    public long Lines;
    public long Cancelled;
    public long Units;
    public long RevenueMinor;
    public long Orders;
    public long PaidOrders;
    public long OrderRevenueMinor;
}
