
namespace Dashboard.Core.Orders;

/// <summary>Which filter a scan leaves out: a chart ignores the filter its own bars set, so its other bars stay visible.</summary>
[Flags]
internal enum Ignore
{
    None = 0,
    Category = 1,
    Weekday = 2,
}
