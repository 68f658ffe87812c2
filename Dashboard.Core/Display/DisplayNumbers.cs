using System.Globalization;

namespace Dashboard.Core.Display;

/// <summary>
/// Numbers and amounts as a reader of <see cref="Culture"/> writes them: its grouping (7,85,90,043.30 in en-IN,
/// 78,590,043.30 in en-US), the currency's symbol where the culture puts it, and compact forms (₹7.86 Cr and ₹73.3 L
/// where the culture groups by lakhs, ₹78.6M elsewhere). For people only: files and the API stay invariant.
/// </summary>
public sealed class DisplayNumbers(CultureInfo culture)
{
    private const string Dash = "–";

    /// <summary>The numbers of the current culture: the request's, or the circuit's, as the display culture set it.</summary>
    public static DisplayNumbers Current => new(CultureInfo.CurrentCulture);

    public CultureInfo Culture => culture;

    /// <summary>True where numbers are grouped 3,2 (lakhs and crores: en-IN, hi-IN, …).</summary>
    public bool UsesLakhs => culture.NumberFormat.NumberGroupSizes is [3, 2, ..];

    /// <summary>A whole number with the culture's grouping: <c>1,28,975</c> in en-IN.</summary>
    public string Count(long? value) => value?.ToString("N0", culture) ?? Dash;

    /// <summary>A number with <paramref name="decimals"/> decimals and the culture's grouping.</summary>
    public string Number(double? value, int decimals = 2) => value?.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), culture) ?? Dash;

    /// <summary>An amount in full, with its currency's symbol: <c>₹7,85,90,043.30</c>.</summary>
    public string Amount(decimal? value, string? currency) =>
        value is { } v ? Signed(v, currency, Math.Abs(v).ToString("N2", culture), plus: false) : Dash;

    /// <summary>A change of an amount in full, with its sign: <c>+₹1,200.50</c>, <c>-₹80.00</c>.</summary>
    public string AmountChange(decimal value, string? currency) => Signed(value, currency, Math.Abs(value).ToString("N2", culture), plus: true);

    /// <summary>
    /// An amount in three significant figures past a lakh (or a million): <c>₹7.86 Cr</c>, <c>₹78.6M</c>; in full below,
    /// with <paramref name="decimalsBelow"/> decimals (0 for an axis's round ticks).
    /// </summary>
    public string CompactAmount(decimal? value, string? currency, int decimalsBelow = 2) =>
        value is { } v ? Signed(v, currency, Compact(Math.Abs((double)v), decimalsBelow), plus: false) : Dash;

    /// <summary>A change of an amount, compact and signed: <c>+₹1.2 Cr</c>.</summary>
    public string CompactAmountChange(decimal value, string? currency, int decimalsBelow = 2) =>
        Signed(value, currency, Compact(Math.Abs((double)value), decimalsBelow), plus: true);

    /// <summary>A plain number made compact as <see cref="CompactAmount"/> does, with <paramref name="decimals"/> below the first unit.</summary>
    public string CompactNumber(double value, int decimals = 0) => (value < 0 ? "-" : "") + Compact(Math.Abs(value), decimals);

    private string Signed(decimal value, string? currency, string magnitude, bool plus)
    {
        var sign = value < 0 ? culture.NumberFormat.NegativeSign : plus && value > 0 ? culture.NumberFormat.PositiveSign : "";
        return sign + WithSymbol(magnitude, currency);
    }

    /// <summary>The currency's symbol placed as the culture places its own (₹5 in en-IN, 5 ₹ in de-DE).</summary>
    private string WithSymbol(string number, string? currency)
    {
        if (string.IsNullOrEmpty(currency))
        {
            return number;
        }
        var symbol = DisplayCultures.Symbol(currency);
        var space = symbol == currency ? " " : ""; // a code rather than a sign stands apart: XYZ 5.00
        return culture.NumberFormat.CurrencyPositivePattern switch
        {
            1 => number + space + symbol,
            2 => symbol + " " + number,
            3 => number + " " + symbol,
            _ => symbol + space + number,
        };
    }

    /// <summary>A magnitude (not negative) in three significant figures of its unit, trailing zeros dropped; in full below the first unit.</summary>
    private string Compact(double magnitude, int decimalsBelow)
    {
        var (scale, unit) = UnitOf(magnitude);
        if (scale == 1)
        {
            return magnitude.ToString("N" + decimalsBelow.ToString(CultureInfo.InvariantCulture), culture);
        }
        var scaled = magnitude / scale;
        var decimals = scaled < 10 ? 2 : scaled < 100 ? 1 : 0;
        return scaled.ToString("#,##0." + new string('#', decimals), culture) + unit;
    }

    private (double Scale, string Unit) UnitOf(double magnitude) => UsesLakhs
        ? magnitude switch
        {
            >= 1e7 => (1e7, " Cr"),
            >= 1e5 => (1e5, " L"),
            _ => (1, ""),
        }
        : magnitude switch
        {
            >= 1e9 => (1e9, "B"),
            >= 1e6 => (1e6, "M"),
            _ => (1, ""),
        };
}
