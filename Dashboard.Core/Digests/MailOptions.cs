using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Core.Digests;

/// <summary>
/// The <c>Mail</c> section: <c>Mail:Smtp:Host</c>, <c>Port</c> (default 587), <c>UserName</c>, <c>Password</c> and
/// <c>From</c>, and <c>Mail:PublicUrl</c>, the address the digest's links point to. STARTTLS is used whenever the server
/// offers it (implicit TLS on port 465), and the limits on what users can have sent. A value given that is wrong stops
/// the start (<see cref="MailOptionsValidator"/>); mail not set up at all (no host or sender) only keeps the digest from
/// being sent, and the pages say so (<see cref="Problems"/>).
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    [ConfigurationKeyName("Smtp:Host")]
    public string? Host { get; set; }

    [ConfigurationKeyName("Smtp:Port")]
    [Range(1, 65535, ErrorMessage = SettingRules.Between)]
    public int Port { get; set; } = 587;

    [ConfigurationKeyName("Smtp:UserName")]
    public string? UserName { get; set; }

    [ConfigurationKeyName("Smtp:Password")]
    public string? Password { get; set; }

    [ConfigurationKeyName("Smtp:From")]
    public string? From { get; set; }

    /// <summary>The dashboard's address as subscribers reach it, e.g. <c>https://dashboard.example.com/</c>.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>The time zone a new subscription starts with (default: the server's).</summary>
    public string? DefaultTimeZone { get; set; }

    /// <summary>
    /// <c>Mail:MaxSendsPerUserPerHour</c>: the mails a user can have sent in an hour (confirmation links and test sends; a
    /// scheduled digest counts but is never held back). Default 10.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = SettingRules.Positive)]
    public int MaxSendsPerUserPerHour { get; set; } = 10;

    /// <summary><c>Mail:MaxSendsPerAddressPerHour</c>: the same, per address, whoever asks. Default 5.</summary>
    [Range(1, int.MaxValue, ErrorMessage = SettingRules.Positive)]
    public int MaxSendsPerAddressPerHour { get; set; } = 5;

    /// <summary><c>Mail:MaxSubscriptionsPerUser</c>: digest subscriptions one user can have. Default 10.</summary>
    [Range(1, int.MaxValue, ErrorMessage = SettingRules.Positive)]
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
        return problems;
    }

    public bool IsConfigured => Problems().Count == 0;
}
