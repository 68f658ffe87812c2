namespace Dashboard.Core.Drivers;

/// <summary>What a KPI's change is broken down by.</summary>
public enum DriverDimension
{
    Category,
    State,
    Fulfilment,
    Channel,
}
