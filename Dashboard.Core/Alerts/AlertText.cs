using System.Globalization;
using Dashboard.Core.Display;
using Dashboard.Core.Orders;

namespace Dashboard.Core.Alerts;

/// <summary>A rule and a firing in words, for the audit log, the pages and the mail; numbers for people through <see cref="DisplayNumbers"/>.</summary>
public static class AlertText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string MetricName(AlertMetric metric) => metric switch
    {
        AlertMetric.Orders => "orders",
        AlertMetric.Units => "units",
        AlertMetric.Revenue => "revenue",
        AlertMetric.AverageOrderValue => "average order value",
        _ => "cancellation rate",
    };

    /// <summary>E.g. "daily orders above 200", "weekly revenue changes by 20% or more against the week before" (invariant numbers: for the log).</summary>
    public static string Condition(AlertRule r) => Condition(r, v => v.ToString(Invariant));

    public static string Condition(AlertRule r, Func<decimal, string> number)
    {
        var what = $"{(r.Grain == TimeGrain.Week ? "weekly" : "daily")} {MetricName(r.Metric)}";
        var value = r.Value is { } v ? number(v) : "";
        var percent = r.Metric == AlertMetric.CancellationRate ? "%" : "";
        return r.Condition switch
        {
            AlertCondition.Above => $"{what} above {value}{percent}",
            AlertCondition.Below => $"{what} below {value}{percent}",
            AlertCondition.Change => $"{what} changes by {value}% or more against {(r.Grain == TimeGrain.Week ? "the week before" : "the same weekday of the week before")}",
            AlertCondition.OutsideRange => $"{what} outside the expected range",
            _ => $"no new data for {value} days",
        };
    }

    /// <summary>A value of the rule's metric for people: money in the filter's currency, the rate in percent.</summary>
    public static string Value(AlertMetric metric, decimal? value, DisplayNumbers numbers, string? currency) => value is not { } v ? "–" : metric switch
    {
        AlertMetric.Revenue or AlertMetric.AverageOrderValue => numbers.Amount(v, currency),
        AlertMetric.CancellationRate => numbers.Number((double)v, 1) + "%",
        _ => numbers.Count((long)v),
    };

    /// <summary>The period: "Sat 30 Apr 2022", or "week of 25 Apr 2022 – 1 May 2022".</summary>
    public static string Period(TimeGrain grain, DateOnly start, DateOnly end) =>
        grain == TimeGrain.Week && start != end
            ? $"the week of {start.ToString("d MMM yyyy", Invariant)} – {end.ToString("d MMM yyyy", Invariant)}"
            : start.ToString("ddd d MMM yyyy", Invariant);
}
