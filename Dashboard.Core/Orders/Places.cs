using System.Globalization;
using System.Text;

namespace Dashboard.Core.Orders;

/// <summary>
/// Canonical city and state names for Indian shipping addresses. The canonical form is trimmed, in title case,
/// without stray punctuation, and for states the official name of the state or union territory, so that
/// <c>RJ</c>, <c>Rajshthan</c> and <c>rajasthan</c> all count as Rajasthan. The original text is kept beside it.
/// </summary>
public static class Places
{
    private static readonly string[] StatesAndTerritories =
    [
        "Andaman and Nicobar Islands", "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chandigarh",
        "Chhattisgarh", "Dadra and Nagar Haveli and Daman and Diu", "Delhi", "Goa", "Gujarat", "Haryana",
        "Himachal Pradesh", "Jammu and Kashmir", "Jharkhand", "Karnataka", "Kerala", "Ladakh", "Lakshadweep",
        "Madhya Pradesh", "Maharashtra", "Manipur", "Meghalaya", "Mizoram", "Nagaland", "Odisha", "Puducherry",
        "Punjab", "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana", "Tripura", "Uttar Pradesh", "Uttarakhand",
        "West Bengal",
    ];

    /// <summary>Abbreviations (the postal/vehicle codes), old names and misspellings seen in exports.</summary>
    private static readonly Dictionary<string, string> StateAliases = new(StringComparer.Ordinal)
    {
        ["AN"] = "Andaman and Nicobar Islands", ["ANDAMAN AND NICOBAR"] = "Andaman and Nicobar Islands",
        ["ANDAMAN NICOBAR"] = "Andaman and Nicobar Islands", ["AP"] = "Andhra Pradesh", ["AR"] = "Arunachal Pradesh",
        ["AS"] = "Assam", ["BR"] = "Bihar", ["CH"] = "Chandigarh", ["CG"] = "Chhattisgarh", ["CT"] = "Chhattisgarh",
        ["CHATTISGARH"] = "Chhattisgarh", ["CHHATISGARH"] = "Chhattisgarh",
        ["DN"] = "Dadra and Nagar Haveli and Daman and Diu", ["DD"] = "Dadra and Nagar Haveli and Daman and Diu",
        ["DADRA AND NAGAR"] = "Dadra and Nagar Haveli and Daman and Diu",
        ["DADRA AND NAGAR HAVELI"] = "Dadra and Nagar Haveli and Daman and Diu",
        ["DAMAN AND DIU"] = "Dadra and Nagar Haveli and Daman and Diu",
        ["DL"] = "Delhi", ["NEW DELHI"] = "Delhi", ["NCT OF DELHI"] = "Delhi", ["GA"] = "Goa", ["GJ"] = "Gujarat",
        ["HR"] = "Haryana", ["HP"] = "Himachal Pradesh", ["JK"] = "Jammu and Kashmir", ["J AND K"] = "Jammu and Kashmir",
        ["JH"] = "Jharkhand", ["KA"] = "Karnataka", ["KL"] = "Kerala", ["LA"] = "Ladakh", ["LD"] = "Lakshadweep",
        ["MP"] = "Madhya Pradesh", ["MH"] = "Maharashtra", ["MN"] = "Manipur", ["ML"] = "Meghalaya", ["MZ"] = "Mizoram",
        ["NL"] = "Nagaland", ["OD"] = "Odisha", ["OR"] = "Odisha", ["ORISSA"] = "Odisha", ["PY"] = "Puducherry",
        ["PONDICHERRY"] = "Puducherry", ["PONDICHERY"] = "Puducherry", ["PB"] = "Punjab",
        ["PUNJAB MOHALI ZIRAKPUR"] = "Punjab", ["RJ"] = "Rajasthan", ["RAJSHTHAN"] = "Rajasthan",
        ["RAJSTHAN"] = "Rajasthan", ["RAJASTAN"] = "Rajasthan", ["SK"] = "Sikkim", ["TN"] = "Tamil Nadu",
        ["TS"] = "Telangana", ["TG"] = "Telangana", ["TELENGANA"] = "Telangana", ["TR"] = "Tripura",
        ["UP"] = "Uttar Pradesh", ["UK"] = "Uttarakhand", ["UT"] = "Uttarakhand", ["UTTARANCHAL"] = "Uttarakhand",
        ["WB"] = "West Bengal",
    };

    private static readonly Dictionary<string, string> StateByKey = BuildStateIndex();

    private static Dictionary<string, string> BuildStateIndex()
    {
        var index = new Dictionary<string, string>(StateAliases, StringComparer.Ordinal);
        foreach (var name in StatesAndTerritories)
        {
            index[Key(name)] = name;
        }
        return index;
    }

    /// <summary>The canonical state, or the cleaned text in title case when it names no known state; null when blank.</summary>
    public static string? CanonicalState(string? raw)
    {
        var key = Key(raw);
        if (key.Length == 0)
        {
            return null;
        }
        return StateByKey.TryGetValue(key, out var name) ? name : TitleCase(key);
    }

    /// <summary>The city trimmed, in title case, with stray punctuation gone; null when blank.</summary>
    public static string? CanonicalCity(string? raw)
    {
        var key = Key(raw);
        return key.Length == 0 ? null : TitleCase(key);
    }

    /// <summary>Upper case, <c>&amp;</c> read as AND, punctuation as space, spaces collapsed.</summary>
    internal static string Key(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "";
        }
        var builder = new StringBuilder(raw.Length + 8);
        var pendingSpace = false;
        foreach (var c in raw)
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                pendingSpace = false;
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (c == '&')
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }
                builder.Append("AND");
                pendingSpace = true;
            }
            else
            {
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }

    private static string TitleCase(string upper) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(upper.ToLowerInvariant());
}
