namespace Dashboard.Core.Orders;

/// <summary>An inclusive range of days.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}
