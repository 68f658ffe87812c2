using System.Globalization;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;

namespace Dashboard.Web.Api;

/// <summary>Reads the screens' filters and view settings from a query string, the same way for the API and the pages.</summary>
public static class QueryParsing
{
    public const string GrainKey = "grain";
    public const string MetricKey = "metric";
    public const string WeekKey = "week";

    public static IEnumerable<KeyValuePair<string, string?>> Pairs(IQueryCollection query) =>
        query.SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)));

    public static IEnumerable<KeyValuePair<string, string?>> Pairs(string uri)
    {
        var question = uri.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return [];
        }
        var query = uri[question..];
        var hash = query.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            query = query[..hash];
        }
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)));
    }

    public static TimeGrain Grain(IEnumerable<KeyValuePair<string, string?>> pairs, ICollection<string>? errors = null) =>
        EnumOf(pairs, GrainKey, TimeGrain.Day, errors);

    public static OrderMetric Metric(IEnumerable<KeyValuePair<string, string?>> pairs, ICollection<string>? errors = null) =>
        EnumOf(pairs, MetricKey, OrderMetric.Orders, errors);

    public static DateOnly? Week(IEnumerable<KeyValuePair<string, string?>> pairs, ICollection<string>? errors = null)
    {
        var value = Value(pairs, WeekKey);
        if (value is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var week))
        {
            if (OrderFilter.OutOfRange(WeekKey, week) is { } problem)
            {
                errors?.Add(problem);
                return null;
            }
            return week;
        }
        errors?.Add($"{WeekKey}: '{Dashboard.Core.Data.TextLimits.Shorten(value, 40)}' is not a date (yyyy-MM-dd).");
        return null;
    }

    /// <summary>The most points a time series answers with (a century of months); a longer one comes at a coarser grain.</summary>
    public const int MaxSeriesPoints = 1_200;

    /// <summary>
    /// The finest grain, from <paramref name="grain"/> towards months, at which the series over
    /// <paramref name="from"/>–<paramref name="to"/> has at most <see cref="MaxSeriesPoints"/> points (decision 0015: a 5,000-year
    /// daily series was 173 MB of JSON).
    /// </summary>
    public static TimeGrain CoarsenToFit(TimeGrain grain, DateOnly from, DateOnly to)
    {
        while (grain < TimeGrain.Month && SeriesPoints(grain, from, to) > MaxSeriesPoints)
        {
            grain++;
        }
        return grain;
    }

    /// <summary>How many points a series over the range has at <paramref name="grain"/> (at most; partial buckets included).</summary>
    public static long SeriesPoints(TimeGrain grain, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return 0;
        }
        var days = (long)to.DayNumber - from.DayNumber + 1;
        return grain switch
        {
            TimeGrain.Day => days,
            TimeGrain.Week => days / 7 + 2,
            _ => (to.Year - from.Year) * 12L + to.Month - from.Month + 1,
        };
    }

    public static PurchaseDimension? Dimension(string key) =>
        PurchaseFilter.Keys.FirstOrDefault(kv => string.Equals(kv.Value, key, StringComparison.OrdinalIgnoreCase)) is { Value: not null } found
            ? found.Key
            : null;

    private static T EnumOf<T>(IEnumerable<KeyValuePair<string, string?>> pairs, string key, T fallback, ICollection<string>? errors)
        where T : struct, Enum
    {
        var value = Value(pairs, key);
        if (value is null)
        {
            return fallback;
        }
        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }
        errors?.Add($"{key}: '{value}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
        return fallback;
    }

    private static string? Value(IEnumerable<KeyValuePair<string, string?>> pairs, string key) =>
        pairs.LastOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(p.Value)).Value?.Trim();
}
