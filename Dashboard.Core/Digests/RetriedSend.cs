namespace Dashboard.Core.Digests;

/// <summary>
/// A mail that is sent, and retried on failure, by the digests' scheduler: its state and attempts. A digest's weekly send
/// (<see cref="DigestSend"/>) and an alert's firing (<see cref="Alerts.AlertFiring"/>) each hold one.
/// </summary>
public abstract class RetriedSend
{
    public DigestSendState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>When the first attempt is due: a digest's week, an alert's firing.</summary>
    protected abstract DateTimeOffset FirstDue { get; }

    /// <summary>
    /// Whether a pass may claim this send at <paramref name="now"/>: pending and its attempt's time has come, or claimed by a
    /// process that died (its claim older than <see cref="DigestScheduler.StaleClaim"/>). A pass asks again of the row it reads
    /// just before its claim, not only of the list it read earlier: another pass (here or in another instance) may have sent
    /// it in between, and a sent row must not be claimed, and mailed, again.
    /// </summary>
    public bool IsDue(DateTimeOffset now) => State switch
    {
        DigestSendState.Pending => (NextAttemptAt ?? FirstDue) <= now,
        DigestSendState.Sending => ClaimedAt is not { } claimed || claimed + DigestScheduler.StaleClaim <= now,
        _ => false,
    };
}
