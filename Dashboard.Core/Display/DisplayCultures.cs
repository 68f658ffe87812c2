using System.Collections.Concurrent;
using System.Globalization;

namespace Dashboard.Core.Display;

/// <summary>The cultures .NET knows by name, and the symbol of a currency whatever the culture that writes it.</summary>
public static class DisplayCultures
{
    /// <summary>The culture for Indian rupees: Indian grouping (7,85,90,043.30) and ₹.</summary>
    public static readonly CultureInfo India = CultureInfo.GetCultureInfo("en-IN");

    /// <summary>What the menu offers besides the configured and the server's culture.</summary>
    public static readonly IReadOnlyList<string> Offered = ["en-IN", "en-US", "en-GB", "de-DE", "fr-FR"];

    private static readonly ConcurrentDictionary<string, string> Symbols = new(StringComparer.Ordinal);

    /// <summary>The named culture (<c>en-IN</c>), or null when .NET has no such culture; never the invariant one.</summary>
    public static CultureInfo? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        try
        {
            return CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true) is { Name.Length: > 0 } culture ? culture : null;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The symbol of an ISO 4217 code (₹ for INR, $ for USD), as the code's own country writes it, so that an en-US reader
    /// still sees ₹ on rupees; the code itself when no culture has a symbol for it.
    /// </summary>
    public static string Symbol(string currency) => Symbols.GetOrAdd(currency, static code =>
    {
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            return code;
        }
        var users = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Where(c => RegionOf(c)?.ISOCurrencySymbol == code)
            .OrderBy(c => c.TwoLetterISOLanguageName == "en" ? 0 : 1).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return users.Count == 0 ? code : RegionOf(users[0])!.CurrencySymbol;
    });

    private static RegionInfo? RegionOf(CultureInfo culture)
    {
        try
        {
            return new RegionInfo(culture.Name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
