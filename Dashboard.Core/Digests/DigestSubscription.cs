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
    /// <summary>The weekly page's filters as a query string without <c>?</c> (<see cref="Analytics.Orders.OrderFilter.ToQueryString()"/>).</summary>
    public string Filter { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum DigestSendState
{
    /// <summary>Due, or waiting for its next attempt.</summary>
    Pending,
    /// <summary>Claimed by a scheduler that is sending it now (or died while sending: see <see cref="DigestScheduler.StaleClaim"/>).</summary>
    Sending,
    Sent,
    /// <summary>Every attempt failed; an admin may retry it.</summary>
    Failed,
}

/// <summary>
/// The one row per subscription and reviewed week: created when the digest falls due, before anything is sent, so that
/// a restart neither sends it twice nor forgets it (the pair is unique in the store).
/// </summary>
public sealed class DigestSend
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    /// <summary>The first day of the reviewed week.</summary>
    public DateOnly Week { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DigestSendState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
