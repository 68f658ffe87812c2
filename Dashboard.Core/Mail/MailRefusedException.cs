namespace Dashboard.Core.Mail;

/// <summary>A mail <see cref="MailGuard"/> does not send: the address is not confirmed, or a limit is reached.</summary>
public sealed class MailRefusedException(string message) : Exception(message);
