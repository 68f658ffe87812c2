namespace Dashboard.Core.Digests;

/// <summary>
/// The one row per subscription and reviewed week: created when the digest falls due, before anything is sent, so that
/// a restart neither sends it twice nor forgets it (the pair is unique in the store).
/// </summary>
public sealed class DigestSend : RetriedSend
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    /// <summary>The first day of the reviewed week.</summary>
    public DateOnly Week { get; set; }
    public DateTimeOffset DueAt { get; set; }

    protected override DateTimeOffset FirstDue => DueAt;
}
