using System.Globalization;

namespace Dashboard.Core.Imports.Formats;

/// <summary>Culture-invariant parsing of the values CSV exports hold.</summary>
internal static class FieldParsing
{
    /// <summary>A whole number, also written as a float with a zero fraction (<c>400081.0</c>), as pandas writes them.</summary>
    public static bool TryParseWholeNumber(ReadOnlySpan<char> text, out long value)
    {
        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            var fraction = text[(dot + 1)..];
            if (fraction.IsEmpty || fraction.ContainsAnyExcept('0'))
            {
                value = 0;
                return false;
            }
            text = text[..dot];
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>An amount with at most two decimals and no thousands separators, as minor units (1/100).</summary>
    public static AmountParse ParseAmount(ReadOnlySpan<char> text, out long minor)
    {
        minor = 0;
        if (text.Contains(','))
        {
            return AmountParse.ThousandsSeparator;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return AmountParse.NotANumber;
        }
        if (amount < 0)
        {
            return AmountParse.Negative;
        }
        if (amount > long.MaxValue / 400)
        {
            return AmountParse.TooLarge; // and amount * 100 cannot overflow decimal below
        }
        var scaled = amount * 100m;
        if (scaled != decimal.Truncate(scaled))
        {
            return AmountParse.TooManyDecimals;
        }
        minor = (long)scaled;
        return AmountParse.Ok;
    }

    /// <summary>A date written <c>MM-DD-YY</c> (years 2000–2099), as the Amazon export writes it.</summary>
    public static DateParse ParseMonthDayYear(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 8 || text[2] != '-' || text[5] != '-'
            || !int.TryParse(text[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text[3..5], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(text[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return DateParse.WrongFormat;
        }
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000 + year, month))
        {
            return DateParse.NoSuchDate;
        }
        date = new DateOnly(2000 + year, month, day);
        return DateParse.Ok;
    }

    public static bool TryParseBool(ReadOnlySpan<char> text, out bool value)
    {
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text is "1")
        {
            value = true;
            return true;
        }
        if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text is "0")
        {
            value = false;
            return true;
        }
        value = false;
        return false;
    }
}
