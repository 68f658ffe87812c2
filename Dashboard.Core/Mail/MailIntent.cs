namespace Dashboard.Core.Mail;

/// <summary>Who a mail is for: the user whose address it is (and whose limit it counts against), the address, and what it is.</summary>
public sealed record MailIntent(long UserId, string Address, MailKind Kind);
