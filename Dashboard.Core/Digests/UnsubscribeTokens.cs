using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Core.Digests;

/// <summary>
/// The unsubscribe link's token: the subscription's id, signed and time-limited by ASP.NET Core Data Protection, so that
/// the link works without signing in, only for that subscription, and not forever.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Dashboard.Digests.Unsubscribe.v1").ToTimeLimitedDataProtector();

    public string Create(long subscriptionId) =>
        _protector.Protect(subscriptionId.ToString(CultureInfo.InvariantCulture), clock.GetUtcNow() + Lifetime);

    /// <summary>The subscription the token names, or null when it is forged, damaged or expired.</summary>
    public long? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }
        try
        {
            var text = _protector.Unprotect(token, out var expiration);
            return expiration < clock.GetUtcNow() ? null
                : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
