namespace Dashboard.Core.Digests;

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
