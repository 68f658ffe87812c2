namespace Dashboard.Core.Mail;

/// <summary>
/// An address a user gave for their mail: confirmed once its owner followed the link sent to it. One row per user and
/// address; withdrawn (deleted) when the address unsubscribes, so that the next use asks again with a new link.
/// </summary>
public sealed class MailRecipient
{
    public long Id { get; set; }
    public long UserId { get; set; }
    /// <summary>Bare and in lower case (<see cref="EmailAddress"/>).</summary>
    public required string Address { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
}
