using Dashboard.Core.Data;
using Dashboard.Core.Mail;
using Dashboard.Core.Orders;

namespace Dashboard.Core.Alerts;

/// <summary>Reads an <see cref="AlertInput"/> into a rule's fields, refusing (<see cref="AlertRefusedException"/>) with the reason what it cannot take.</summary>
public static class AlertRuleReader
{
    public const int MaxName = 100;
    public const int MaxFilter = 2_000;
    /// <summary>The longest "no new data" wait, in days.</summary>
    public const int MaxDays = 366;

    private static readonly Dictionary<string, AlertMetric> Metrics = new(StringComparer.OrdinalIgnoreCase)
    {
        ["orders"] = AlertMetric.Orders,
        ["units"] = AlertMetric.Units,
        ["revenue"] = AlertMetric.Revenue,
        ["aov"] = AlertMetric.AverageOrderValue,
        ["average-order-value"] = AlertMetric.AverageOrderValue,
        ["cancellation-rate"] = AlertMetric.CancellationRate,
    };

    private static readonly Dictionary<string, AlertCondition> Conditions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["above"] = AlertCondition.Above,
        ["below"] = AlertCondition.Below,
        ["change"] = AlertCondition.Change,
        ["outside-range"] = AlertCondition.OutsideRange,
        ["no-new-data"] = AlertCondition.NoNewData,
    };

    /// <summary>The filter keys a rule may use: the overview's, without its dates (a rule's periods come from the data).</summary>
    public static readonly IReadOnlySet<string> FilterKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        OrderFilter.CategoryKey, OrderFilter.StatusKey, OrderFilter.FulfilmentKey, OrderFilter.ChannelKey, OrderFilter.ServiceKey,
        OrderFilter.StateKey, OrderFilter.B2BKey, OrderFilter.WeekdayKey, OrderFilter.CurrencyKey,
    };

    public static string NameOf(AlertMetric metric) => Metrics.First(m => m.Value == metric).Key;

    public static string NameOf(AlertCondition condition) => Conditions.First(c => c.Value == condition).Key;

    /// <summary>A rule's grain as <see cref="Read"/> takes it: "day" or "week".</summary>
    public static string NameOf(TimeGrain grain) => grain == TimeGrain.Week ? "week" : "day";

    /// <summary>The query string of a rule's filter, as <see cref="FilterOf"/> reads it: the overview's filter without its dates.</summary>
    public static string FilterText(OrderFilter filter) => (filter with { From = null, To = null }).ToQueryString();

    /// <summary>Fills <paramref name="rule"/> from <paramref name="input"/>; the address is returned bare and in lower case.</summary>
    public static void Read(AlertInput input, AlertRule rule)
    {
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new AlertRefusedException("name", "name: a rule needs a name.");
        }
        if (name.Length > MaxName || TextLimits.Shorten(name, MaxName) != name)
        {
            throw new AlertRefusedException("name", $"name: is longer than {MaxName} characters or holds text the store cannot keep.");
        }
        var condition = Conditions.TryGetValue(input.Condition?.Trim() ?? "", out var c) ? c
            : throw new AlertRefusedException("condition", $"condition: '{TextLimits.Shorten(input.Condition, 40)}' is not one of {string.Join(", ", Conditions.Keys)}.");
        var metric = Metrics.TryGetValue(input.Metric?.Trim() ?? "orders", out var m) ? m
            : throw new AlertRefusedException("metric", $"metric: '{TextLimits.Shorten(input.Metric, 40)}' is not one of {string.Join(", ", Metrics.Keys)}.");
        var grain = (input.Grain?.Trim().ToLowerInvariant() ?? "day") switch
        {
            "day" => TimeGrain.Day,
            "week" => TimeGrain.Week,
            _ => throw new AlertRefusedException("grain", $"grain: '{TextLimits.Shorten(input.Grain, 40)}' is not day or week."),
        };
        if (condition == AlertCondition.OutsideRange && metric is AlertMetric.AverageOrderValue or AlertMetric.CancellationRate)
        {
            throw new AlertRefusedException("condition", "condition: the expected range is forecast for orders, units and revenue only.");
        }
        rule.Name = name;
        rule.Metric = metric;
        rule.Grain = grain;
        rule.Condition = condition;
        rule.Value = ValueOf(condition, input.Value);
        rule.Filter = FilterOf(input.Filter).ToQueryString();
        rule.Email = EmailAddress.Parse(input.Email, "email", out var problem) ?? throw new AlertRefusedException("email", problem);
    }

    private static decimal? ValueOf(AlertCondition condition, decimal? value) => condition switch
    {
        AlertCondition.OutsideRange => null,
        _ when value is null => throw new AlertRefusedException("value", "value: this condition needs a value."),
        AlertCondition.Change when value <= 0 => throw new AlertRefusedException("value", "value: a change is a positive percentage."),
        AlertCondition.NoNewData when value is < 1 or > MaxDays || value % 1 != 0 =>
            throw new AlertRefusedException("value", $"value: the days without new data are a whole number from 1 to {MaxDays}."),
        _ when Math.Abs(value.Value) > 1_000_000_000_000m => throw new AlertRefusedException("value", "value: is out of range."),
        _ => value,
    };

    /// <summary>
    /// The rule's filter from the overview's query-string keys; an unknown key or a value that cannot be read is refused (the
    /// overview itself ignores unknown keys, but a rule that silently watched everything would mislead).
    /// </summary>
    public static OrderFilter FilterOf(string? query)
    {
        if (query is { Length: > MaxFilter })
        {
            throw new AlertRefusedException("filter", $"filter: is longer than {MaxFilter} characters.");
        }
        var pairs = Pairs(query ?? "").ToList();
        if (pairs.FirstOrDefault(p => !FilterKeys.Contains(p.Key)) is { Key: { } unknown })
        {
            throw new AlertRefusedException("filter", $"filter: '{TextLimits.Shorten(unknown, 40)}' is not a filter key ({string.Join(", ", FilterKeys)}).");
        }
        var errors = new List<string>();
        var filter = OrderFilter.Parse(pairs, errors);
        return errors.Count > 0 ? throw new AlertRefusedException("filter", "filter: " + errors[0]) : filter;
    }

    /// <summary>The pairs of a stored rule's filter (known to be valid).</summary>
    public static OrderFilter StoredFilter(AlertRule rule) => OrderFilter.Parse(Pairs(rule.Filter));

    private static IEnumerable<KeyValuePair<string, string?>> Pairs(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var i = pair.IndexOf('=', StringComparison.Ordinal);
            return i < 0
                ? new KeyValuePair<string, string?>(Unescape(pair), "")
                : new KeyValuePair<string, string?>(Unescape(pair[..i]), Unescape(pair[(i + 1)..]));
        });

    private static string Unescape(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            throw new AlertRefusedException("filter", $"filter: '{TextLimits.Shorten(text, 40)}' is not a query string.");
        }
    }
}
