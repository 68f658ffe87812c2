using System.Globalization;
using Dashboard.Core.Analytics.Orders;
using Dashboard.Core.Analytics.Purchases;

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
            return week;
        }
        errors?.Add($"{WeekKey}: '{value}' is not a date (yyyy-MM-dd).");
        return null;
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
