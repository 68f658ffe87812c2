using Dashboard.Core.Alerts;
using Dashboard.Core.Display;
using Dashboard.Core.Orders;
using Dashboard.Web.Components.Shared;

namespace Dashboard.Web.Components.Pages.Alerts;

/// <summary>What the two alert pages write the same way: a rule's parts and its firings in words, numbers in the display culture.</summary>
internal static class AlertPages
{
    public static string Metric(AlertRule rule) => AlertText.MetricName(rule.Metric);

    public static string Grain(AlertRule rule) => rule.Condition == AlertCondition.NoNewData ? "–" : AlertRuleReader.NameOf(rule.Grain);

    public static string Filter(AlertRule rule) => Core.Weekly.WeeklyReviewFormat.Describe(AlertRuleReader.StoredFilter(rule)) is { Length: > 0 } f ? f : "all orders";

    /// <summary>The condition and its value, e.g. "above 1,050", "changes by 20% or more".</summary>
    public static string Condition(AlertRule rule, DisplayNumbers numbers)
    {
        var value = rule.Value is { } v ? numbers.Number((double)v, v % 1 == 0 ? 0 : 2) : "";
        var percent = rule.Metric == AlertMetric.CancellationRate ? "%" : "";
        return rule.Condition switch
        {
            AlertCondition.Above => $"above {value}{percent}",
            AlertCondition.Below => $"below {value}{percent}",
            AlertCondition.Change => $"changes by {value}% or more",
            AlertCondition.OutsideRange => "outside the expected range",
            _ => $"no new data for {value} days",
        };
    }

    public static string Snoozed(AlertRule rule, DateTimeOffset now) => rule.SnoozedUntil is { } until && until > now ? Text.When(until) + " UTC" : "–";

    public static bool IsSnoozed(AlertRule rule, DateTimeOffset now) => rule.SnoozedUntil > now;

    /// <summary>A firing's period and value, e.g. "Wed 20 Apr 2022: ₹2,000.00".</summary>
    public static string Firing(AlertRule rule, AlertFiring firing, DisplayNumbers numbers, string? currency)
    {
        var end = rule.Grain == TimeGrain.Week && rule.Condition != AlertCondition.NoNewData ? firing.Period.AddDays(6) : firing.Period;
        var value = rule.Condition == AlertCondition.NoNewData ? "" : ": " + AlertText.Value(rule.Metric, firing.Value, numbers, AlertRuleReader.StoredFilter(rule).Currency ?? currency);
        return AlertText.Period(rule.Grain, firing.Period, end) + value;
    }

    /// <summary>Where a firing's mail stands, in words.</summary>
    public static string State(AlertFiring firing) => firing.State switch
    {
        Core.Digests.DigestSendState.Sent => "sent",
        Core.Digests.DigestSendState.Failed => "failed",
        Core.Digests.DigestSendState.Sending => "sending",
        _ => firing.Attempts > 0 ? "waiting for a retry" : "waiting",
    };
}
