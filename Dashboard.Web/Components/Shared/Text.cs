using System.Globalization;
using Dashboard.Core.Display;
using Dashboard.Core.Orders;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// Small text helpers shared by the pages: dates and query strings invariant, numbers and amounts in the display culture
/// (the circuit's current culture; <see cref="DisplayNumbers"/>).
/// </summary>
public static class Text
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Invariant);

    /// <summary><c>2022-06-30</c>, or empty.</summary>
    public static string IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", Invariant) ?? "";

    public static string Range(DateRange range) =>
        range.Days <= 1 ? Date(range.From) : $"{Date(range.From)} – {Date(range.To)} ({range.Days} days)";

    /// <summary><c>?a=b&amp;c=d</c>, or empty when there are no pairs.</summary>
    public static string Query(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var query = OrderFilter.ToQueryString(pairs);
        return query.Length == 0 ? "" : "?" + query;
    }

    public static DayOfWeek Weekday(string key) =>
        (DayOfWeek)Array.FindIndex(Enum.GetValues<DayOfWeek>(), d => OrderFilter.WeekdayKeyOf(d) == key);

    /// <summary>A moment in UTC, to the minute: <c>2026-11-28 14:05</c>.</summary>
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant);

    public static string Number(long? value) => DisplayNumbers.Current.Count(value);

    public static string Number(decimal? value, string format = "N0") => value?.ToString(format, CultureInfo.CurrentCulture) ?? "–";

    public static string Number(double? value, string format = "N2") => value?.ToString(format, CultureInfo.CurrentCulture) ?? "–";

    /// <summary>An amount in full with its currency's symbol: <c>₹7,85,90,043.30</c> in en-IN.</summary>
    public static string Amount(decimal? value, string? currency) => DisplayNumbers.Current.Amount(value, currency);
}
