namespace Dashboard.Core.Orders;

public enum OrderMetric
{
    Orders,
    Units,
    Revenue,
}
