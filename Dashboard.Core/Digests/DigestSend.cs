namespace Dashboard.Core.Digests;

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
