using Dashboard.Core.Alerts;
using Dashboard.Core.Orders;

namespace Dashboard.Web.Components.Pages.Alerts;

/// <summary>
/// The chart menu's "Alert me when…" link: the alerts page's form for a new rule, prefilled with a chart's metric, a grain
/// and the page's filters without dates (e.g. <c>alerts/new?metric=revenue&amp;grain=day&amp;filter=category%3DSet</c>).
/// </summary>
public static class AlertLinks
{
    public const string NewPath = "alerts/new";

    public static string New(AlertMetric metric, TimeGrain grain, OrderFilter filter) =>
        NewPath + "?" + OrderFilter.ToQueryString(
        [
            new("metric", AlertRuleReader.NameOf(metric)),
            new("grain", AlertRuleReader.NameOf(grain)),
            new("filter", AlertRuleReader.FilterText(filter)),
        ]);

    /// <summary>The rule's metric for one of the overview's chart metrics.</summary>
    public static AlertMetric Of(OrderMetric metric) => metric switch
    {
        OrderMetric.Units => AlertMetric.Units,
        OrderMetric.Revenue => AlertMetric.Revenue,
        _ => AlertMetric.Orders,
    };
}
