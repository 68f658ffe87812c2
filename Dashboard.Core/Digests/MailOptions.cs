using MimeKit;

namespace Dashboard.Core.Digests;

/// <summary>
/// The <c>Mail</c> section: <c>Mail:Smtp:Host</c>, <c>Port</c> (default 587), <c>UserName</c>, <c>Password</c> and
/// <c>From</c>, and <c>Mail:PublicUrl</c>, the address the digest's links point to. STARTTLS is used whenever the server
/// offers it (implicit TLS on port 465), and the limits on what users can have sent.
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }
    /// <summary>The dashboard's address as subscribers reach it, e.g. <c>https://dashboard.example.com/</c>.</summary>
    public string? PublicUrl { get; set; }
    /// <summary>The time zone a new subscription starts with (default: the server's).</summary>
    public string? DefaultTimeZone { get; set; }

    /// <summary>
    /// <c>Mail:MaxSendsPerUserPerHour</c>: the mails a user can have sent in an hour (confirmation links and test sends; a
    /// scheduled digest counts but is never held back). Default 10.
    /// </summary>
    public int MaxSendsPerUserPerHour { get; set; } = 10;

    /// <summary><c>Mail:MaxSendsPerAddressPerHour</c>: the same, per address, whoever asks. Default 5.</summary>
    public int MaxSendsPerAddressPerHour { get; set; } = 5;

    /// <summary><c>Mail:MaxSubscriptionsPerUser</c>: digest subscriptions one user can have. Default 10.</summary>
    public int MaxSubscriptionsPerUser { get; set; } = 10;

    /// <summary>What keeps the digest from being sent, in words a person can act on; empty when nothing does.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            problems.Add("Mail:Smtp:Host is not set (the SMTP server to send through).");
        }
        if (string.IsNullOrWhiteSpace(From))
        {
            problems.Add("Mail:Smtp:From is not set (the sender's address, e.g. dashboard@example.com).");
        }
        else if (!MailboxAddress.TryParse(From, out _))
        {
            problems.Add($"Mail:Smtp:From is '{From}', which is not an e-mail address.");
        }
        if (Port is <= 0 or > 65535)
        {
            problems.Add($"Mail:Smtp:Port is {Port}; expected 1..65535 (587 for STARTTLS, 465 for TLS).");
        }
        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            problems.Add("Mail:Smtp:UserName and Mail:Smtp:Password go together: set both or neither.");
        }
        if (PublicUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            problems.Add($"Mail:PublicUrl is '{url}', which is not an absolute address.");
        }
        return problems;
    }

    public bool IsConfigured => Problems().Count == 0;
}
