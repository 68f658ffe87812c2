using Dashboard.Core.Data;
using System.Globalization;
using System.Text;

namespace Dashboard.Core.Orders;

/// <summary>
/// The one filter of the order screens. An empty list means "all"; dates are inclusive. The same record is parsed
/// from and written to a URL query string (<see cref="Parse"/>, <see cref="ToQueryString()"/>), so a link reproduces a view.
/// </summary>
public sealed record OrderFilter
{
    public static readonly OrderFilter None = new();

    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<StatusGroup> StatusGroups { get; init; } = [];
    public IReadOnlyList<string> Fulfilments { get; init; } = [];
    public IReadOnlyList<string> SalesChannels { get; init; } = [];
    public IReadOnlyList<string> ServiceLevels { get; init; } = [];
    /// <summary>State names as stored (matched ignoring case).</summary>
    public IReadOnlyList<string> States { get; init; } = [];
    /// <summary>Null: both; true: business orders only; false: consumer orders only.</summary>
    public bool? B2B { get; init; }
    /// <summary>Days of the week (set by clicking a bar of the weekday chart).</summary>
    public IReadOnlyList<DayOfWeek> Weekdays { get; init; } = [];
    /// <summary>The currency of money measures; null = the data's main currency (the one most lines carry).</summary>
    public string? Currency { get; init; }

    // Query-string keys: short, stable, documented in the report/README.
    public const string FromKey = "from";
    public const string ToKey = "to";
    public const string CategoryKey = "category";
    public const string StatusKey = "status";
    public const string FulfilmentKey = "fulfilment";
    public const string ChannelKey = "channel";
    public const string ServiceKey = "service";
    public const string StateKey = "state";
    public const string B2BKey = "b2b";
    public const string WeekdayKey = "weekday";
    public const string CurrencyKey = "currency";

    private static readonly string[] WeekdayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static string WeekdayKeyOf(DayOfWeek day) => WeekdayNames[(int)day];

    /// <summary>
    /// Reads a filter from query-string pairs (a key may repeat). Unknown keys are ignored; a value that cannot be
    /// read is reported in <paramref name="errors"/> and left out of the filter.
    /// </summary>
    public static OrderFilter Parse(IEnumerable<KeyValuePair<string, string?>> query, ICollection<string>? errors = null)
    {
        DateOnly? from = null, to = null;
        bool? b2b = null;
        string? currency = null;
        var categories = new List<string>();
        var statuses = new List<StatusGroup>();
        var fulfilments = new List<string>();
        var channels = new List<string>();
        var services = new List<string>();
        var states = new List<string>();
        var weekdays = new List<DayOfWeek>();

        foreach (var (rawKey, rawValue) in query)
        {
            var value = rawValue?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            switch (rawKey.ToLowerInvariant())
            {
                case FromKey: from = ParseDate(FromKey, value, errors) ?? from; break;
                case ToKey: to = ParseDate(ToKey, value, errors) ?? to; break;
                case CategoryKey: AddDistinct(categories, value); break;
                case FulfilmentKey: AddDistinct(fulfilments, value); break;
                case ChannelKey: AddDistinct(channels, value); break;
                case ServiceKey: AddDistinct(services, value); break;
                case StateKey: AddDistinct(states, value); break;
                case CurrencyKey: currency = value.ToUpperInvariant(); break;
                case StatusKey: AddDistinct(statuses, ParseStatus(value, errors)); break;
                case B2BKey: b2b = ParseB2B(value, errors) ?? b2b; break;
                case WeekdayKey: AddDistinct(weekdays, ParseWeekday(value, errors)); break;
            }
        }

        return new OrderFilter
        {
            From = from,
            To = to,
            Categories = categories,
            StatusGroups = statuses,
            Fulfilments = fulfilments,
            SalesChannels = channels,
            ServiceLevels = services,
            States = states,
            B2B = b2b,
            Weekdays = weekdays,
            Currency = currency,
        };
    }

    /// <summary>The filter as query-string pairs, in a stable order, leaving out what is "all".</summary>
    public IEnumerable<KeyValuePair<string, string>> ToPairs()
    {
        if (From is { } from)
        {
            yield return new(FromKey, from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (To is { } to)
        {
            yield return new(ToKey, to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        foreach (var c in Categories)
        {
            yield return new(CategoryKey, c);
        }
        foreach (var s in StatusGroups)
        {
            yield return new(StatusKey, s.ToString());
        }
        foreach (var f in Fulfilments)
        {
            yield return new(FulfilmentKey, f);
        }
        foreach (var c in SalesChannels)
        {
            yield return new(ChannelKey, c);
        }
        foreach (var s in ServiceLevels)
        {
            yield return new(ServiceKey, s);
        }
        foreach (var s in States)
        {
            yield return new(StateKey, s);
        }
        if (B2B is { } b2b)
        {
            yield return new(B2BKey, b2b ? "true" : "false");
        }
        foreach (var d in Weekdays)
        {
            yield return new(WeekdayKey, WeekdayKeyOf(d));
        }
        if (Currency is { } currency)
        {
            yield return new(CurrencyKey, currency);
        }
    }

    /// <summary>The filter as an escaped query string without the leading <c>?</c> (empty when nothing is filtered).</summary>
    public string ToQueryString() => ToQueryString(ToPairs());

    public static string ToQueryString(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (sb.Length > 0)
            {
                sb.Append('&');
            }
            sb.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return sb.ToString();
    }

    /// <summary>True when no filter but the date range is set.</summary>
    public bool HasNoDimensionFilters =>
        Categories.Count == 0 && StatusGroups.Count == 0 && Fulfilments.Count == 0 && SalesChannels.Count == 0 &&
        ServiceLevels.Count == 0 && States.Count == 0 && B2B is null && Weekdays.Count == 0;

    /// <summary>Toggles one category in the filter (what a click on a category bar does).</summary>
    public OrderFilter ToggleCategory(string category) =>
        this with { Categories = Toggle(Categories, category) };

    /// <summary>Toggles one weekday in the filter (what a click on a weekday bar does).</summary>
    public OrderFilter ToggleWeekday(DayOfWeek day) =>
        this with { Weekdays = Toggle(Weekdays, day) };

    private static IReadOnlyList<T> Toggle<T>(IReadOnlyList<T> list, T item) =>
        list.Contains(item) ? list.Where(x => !EqualityComparer<T>.Default.Equals(x, item)).ToList() : [.. list, item];

    private static void AddDistinct<T>(List<T> list, T? value)
        where T : struct
    {
        if (value is { } v && !list.Contains(v))
        {
            list.Add(v);
        }
    }

    /// <summary>A status group by name (ignoring case; not by number); null, reported in <paramref name="errors"/>, when it is none.</summary>
    private static StatusGroup? ParseStatus(string value, ICollection<string>? errors)
    {
        if (Enum.TryParse<StatusGroup>(value, ignoreCase: true, out var group) && Enum.IsDefined(group) && !int.TryParse(value, out _))
        {
            return group;
        }
        errors?.Add($"{StatusKey}: '{value}' is not a status group ({string.Join(", ", Enum.GetNames<StatusGroup>())}).");
        return null;
    }

    private static bool? ParseB2B(string value, ICollection<string>? errors)
    {
        if (bool.TryParse(value, out var b))
        {
            return b;
        }
        errors?.Add($"{B2BKey}: '{value}' is not true or false.");
        return null;
    }

    /// <summary>A weekday by its name or its first three letters (ignoring case).</summary>
    private static DayOfWeek? ParseWeekday(string value, ICollection<string>? errors)
    {
        var index = Array.IndexOf(WeekdayNames, value.ToLowerInvariant() is { Length: >= 3 } v ? v[..3] : value);
        if (index >= 0)
        {
            return (DayOfWeek)index;
        }
        errors?.Add($"{WeekdayKey}: '{value}' is not a weekday (mon..sun).");
        return null;
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }

    /// <summary>
    /// The first and last day a filter may name (decision 0015): order data of this century. Every date the screens compute
    /// from one (the previous period, a week's end, the same week a period earlier) then stays far inside DateOnly's range.
    /// </summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2099, 12, 31);

    /// <summary>Whether <paramref name="date"/> is one a filter may name; if not, the reason (for a 400).</summary>
    public static string? OutOfRange(string key, DateOnly date) => date < EarliestDate || date > LatestDate
        ? string.Create(CultureInfo.InvariantCulture, $"{key}: {date:yyyy-MM-dd} is outside the dates the dashboard answers for ({EarliestDate:yyyy-MM-dd} to {LatestDate:yyyy-MM-dd}).")
        : null;

    /// <summary>Problems of the filter as a whole (for a 400): <see cref="From"/> after <see cref="To"/>.</summary>
    public IEnumerable<string> Problems()
    {
        if (From is { } from && To is { } to && from > to)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{FromKey} ({from:yyyy-MM-dd}) is after {ToKey} ({to:yyyy-MM-dd}).");
        }
    }

    private static DateOnly? ParseDate(string key, string value, ICollection<string>? errors)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (OutOfRange(key, date) is { } problem)
            {
                errors?.Add(problem);
                return null;
            }
            return date;
        }
        errors?.Add($"{key}: '{TextLimits.Shorten(value, 40)}' is not a date (yyyy-MM-dd).");
        return null;
    }
}
