using System.Globalization;
using Dashboard.Core.Orders;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Digests;

/// <summary>
/// The digest's links: the weekly page for the digest's week and filters, the unsubscribe link and the link that confirms an address. They start with
/// <c>Mail:PublicUrl</c>; without it, with the address the web app listens on (<see cref="Fallback"/>, set at start).
/// </summary>
public sealed class DigestLinks(IOptions<MailOptions> mailSettings)
{
    private readonly MailOptions _options = mailSettings.Value;

    /// <summary>The web app's own address, when <c>Mail:PublicUrl</c> is not set.</summary>
    public string? Fallback { get; set; }

    public string BaseUrl
    {
        get
        {
            var url = _options.PublicUrl is { Length: > 0 } configured ? configured : Fallback ?? "http://localhost:5080/";
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

    /// <summary>The link that confirms an address (<see cref="Mail.ConfirmedAddresses"/>).</summary>
    public string Confirm(string token) => BaseUrl + "mail/confirm?token=" + Uri.EscapeDataString(token);
}
