namespace Dashboard.Core.Mail;

/// <summary>What an outgoing mail is, for the send log and the limits.</summary>
public enum MailKind
{
    /// <summary>The link that confirms an address; the only mail an unconfirmed address gets.</summary>
    Confirmation,
    /// <summary>A mail someone asked for now ("Send me a test now").</summary>
    Test,
    /// <summary>A scheduled mail (the weekly digest), or one an operator sends from the command line.</summary>
    Scheduled,
    /// <summary>An alert that fired (docs/decisions/0037-alerts.md): triggered by data, counted against the limits.</summary>
    Alert,
}
