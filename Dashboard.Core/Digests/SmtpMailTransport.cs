using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Digests;

/// <summary>
/// SMTP through MailKit with the <c>Mail:Smtp</c> settings: STARTTLS whenever the server offers it (implicit TLS on port
/// 465), the server's certificate checked, and sign-in only when a user name is set. One connection per message: a
/// digest goes out once a week per subscriber.
/// </summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> mailSettings) : IMailTransport
{
    private readonly MailOptions _options = mailSettings.Value;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        if (_options.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("E-mail is not set up: " + string.Join(" ", problems));
        }
        using var client = new SmtpClient { Timeout = 60_000 };
        await client.ConnectAsync(_options.Host!, _options.Port, SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
