namespace Dashboard.Core.Orders;

public enum TimeGrain
{
    Day,
    Week,
    Month,
}
