namespace Dashboard.Core.Digests;

/// <summary>
/// A user's subscription to the weekly review by e-mail: where to, when (a day and hour in the subscriber's time zone)
/// and with which filters (the weekly page's, as its query string).
/// </summary>
public sealed class DigestSubscription
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Email { get; set; }
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;
    /// <summary>0..23, local time in <see cref="TimeZone"/>.</summary>
    public int Hour { get; set; } = 7;
    /// <summary>An IANA (or Windows) time zone id, as <see cref="TimeZoneInfo.FindSystemTimeZoneById"/> takes it.</summary>
    public required string TimeZone { get; set; }
    /// <summary>The weekly page's filters as a query string without <c>?</c> (<see cref="Orders.OrderFilter.ToQueryString()"/>).</summary>
    public string Filter { get; set; } = "";
    /// <summary>The culture its numbers are written in (<c>en-IN</c>); null: the display culture's default.</summary>
    public string? Culture { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
