using System.Text.RegularExpressions;

namespace Dashboard.Core.Mail;

/// <summary>
/// A bare e-mail address as a person types it into a form: <c>local@domain</c> and nothing else. No display name, no
/// comment, no angle brackets, no list, no line break: what reaches a <c>To:</c> header is the address alone
/// (docs/decisions/0019-mail-confirmed-addresses.md). Kept in lower case, so that one mailbox is one address for the
/// limits and the confirmation.
/// </summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>The address in lower case, or null with <paramref name="problem"/> naming <paramref name="field"/>.</summary>
    public static string? Parse(string? text, string field, out string problem)
    {
        var address = (text ?? "").Trim();
        problem = "";
        if (address.Length == 0)
        {
            problem = $"{field}: give an address such as name@example.com.";
            return null;
        }
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (address.Length > MaxLength || at is < 1 or > 64 || !Bare().IsMatch(address))
        {
            var shown = address.Length > 80 ? address[..80] + "…" : address;
            problem = $"{field}: '{shown.ReplaceLineEndings(" ")}' is not a plain address such as name@example.com. " +
                      "Give the address alone, without a name, comment, angle brackets or a second address.";
            return null;
        }
        return address.ToLowerInvariant();
    }

    /// <summary>
    /// RFC 5322's dot-atom for the local part; a domain of at least two labels of letters, digits and inner hyphens
    /// (an international domain in its <c>xn--</c> form).
    /// </summary>
    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex Bare();
}
