using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Core.Mail;

/// <summary>
/// The confirmation link's token: the id of the <see cref="MailRecipient"/> row and its expiry, signed by ASP.NET Core
/// Data Protection (as the unsubscribe link), so that it works without signing in, only for that request, and not
/// forever. The expiry is read against <see cref="TimeProvider"/> rather than the time-limited protector's own clock.
/// A withdrawn address gets a new row, so an old link does not confirm it again.
/// </summary>
public sealed class ConfirmationTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly IDataProtector _protector = provider.CreateProtector("Dashboard.Mail.Confirm.v1");

    public string Create(long recipientId) => _protector.Protect(string.Create(CultureInfo.InvariantCulture,
        $"{recipientId}:{(clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds()}"));

    /// <summary>The row the token names, or null when it is forged, damaged or expired.</summary>
    public long? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }
        try
        {
            var parts = _protector.Unprotect(token).Split(':');
            return parts.Length == 2
                   && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                   && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                   && clock.GetUtcNow().ToUnixTimeSeconds() <= expires
                ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
