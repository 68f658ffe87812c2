using MimeKit;

namespace Dashboard.Core.Digests;

/// <summary>Hands a message to the mail server.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
