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
}
