using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Core.Alerts;

/// <summary>
/// The snooze and unsubscribe links' tokens: the rule's id, signed and time-limited by ASP.NET Core Data Protection with one
/// purpose per kind of link, so that a link works without signing in, only for its rule and its action, and not forever.
/// </summary>
public sealed class AlertTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly ITimeLimitedDataProtector _snooze = provider.CreateProtector("Dashboard.Alerts.Snooze.v1").ToTimeLimitedDataProtector();
    private readonly ITimeLimitedDataProtector _unsubscribe = provider.CreateProtector("Dashboard.Alerts.Unsubscribe.v1").ToTimeLimitedDataProtector();

    private ITimeLimitedDataProtector For(AlertLinkKind kind) => kind == AlertLinkKind.Snooze ? _snooze : _unsubscribe;

    public string Create(long ruleId, AlertLinkKind kind) =>
        For(kind).Protect(ruleId.ToString(CultureInfo.InvariantCulture), clock.GetUtcNow() + Lifetime);

    /// <summary>The rule the token names for <paramref name="kind"/>, or null when it is forged, damaged, expired or for the other action.</summary>
    public long? Read(string? token, AlertLinkKind kind)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }
        try
        {
            var text = For(kind).Unprotect(token, out var expiration);
            return expiration < clock.GetUtcNow() ? null
                : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
