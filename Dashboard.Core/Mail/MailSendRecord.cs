namespace Dashboard.Core.Mail;

/// <summary>
/// One mail handed to the server (or about to be), counted by <see cref="MailGuard"/> for the hourly limits. In the store,
/// so that every instance counts the same mails. The time is in Unix milliseconds: the one time type both stores compare.
/// </summary>
public sealed class MailSendRecord
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Address { get; set; }
    public MailKind Kind { get; set; }
    public long AtUnixMs { get; set; }
}
