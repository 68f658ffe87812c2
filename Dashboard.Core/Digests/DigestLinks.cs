using System.Globalization;
using System.Security.Cryptography;
using Dashboard.Core.Analytics.Orders;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Core.Digests;

/// <summary>
/// The digest's links: the weekly page for the digest's week and filters, and the unsubscribe link. They start with
/// <c>Mail:PublicUrl</c>; without it, with the address the web app listens on (<see cref="Fallback"/>, set at start).
/// </summary>
public sealed class DigestLinks(MailOptions options)
{
    /// <summary>The web app's own address, when <c>Mail:PublicUrl</c> is not set.</summary>
    public string? Fallback { get; set; }

    public string BaseUrl
    {
        get
        {
            var url = options.PublicUrl is { Length: > 0 } configured ? configured : Fallback ?? "http://localhost:5080/";
            return url.EndsWith('/') ? url : url + "/";
        }
    }

    public string Page(DateOnly week, OrderFilter filter)
    {
        var query = OrderFilter.ToQueryString(
            new[] { new KeyValuePair<string, string>("week", week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) }
                .Concat((filter with { From = null, To = null }).ToPairs()));
        return BaseUrl + "weekly?" + query;
    }

    public string Unsubscribe(string token) => BaseUrl + "digest/unsubscribe?token=" + Uri.EscapeDataString(token);
}

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
