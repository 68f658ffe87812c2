using Dashboard.Core.Orders;

namespace Dashboard.Core.Weekly;

/// <summary>One week's measures.</summary>
public sealed record WeekMeasures(DateRange Week, OrderMeasures Measures);
