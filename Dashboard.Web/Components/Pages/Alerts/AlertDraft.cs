using Dashboard.Core.Alerts;
using Dashboard.Core.Orders;

namespace Dashboard.Web.Components.Pages.Alerts;

/// <summary>
/// The alert form's fields as the page edits them: the words <see cref="AlertInput"/> takes (metric, grain, condition), the
/// overview's filters without dates, and the rule being changed (<see cref="Id"/>) or none for a new one.
/// </summary>
public sealed class AlertDraft
{
    public long? Id { get; init; }
    public string Name { get; set; } = "";
    public string Metric { get; set; } = "orders";
    public string Grain { get; set; } = "day";
    public OrderFilter Filter { get; set; } = OrderFilter.None;
    public string Condition { get; set; } = "above";
    public decimal? Value { get; set; }
    public string Email { get; set; } = "";

    /// <summary>The input <see cref="AlertRules"/> reads and checks.</summary>
    public AlertInput ToInput() =>
        new(Name, Metric, Grain, AlertRuleReader.FilterText(Filter), Condition, Condition == "outside-range" ? null : Value, Email);

    /// <summary>A stored rule, to be changed.</summary>
    public static AlertDraft Of(AlertRule rule) => new()
    {
        Id = rule.Id,
        Name = rule.Name,
        Metric = AlertRuleReader.NameOf(rule.Metric),
        Grain = AlertRuleReader.NameOf(rule.Grain),
        Filter = AlertRuleReader.StoredFilter(rule),
        Condition = AlertRuleReader.NameOf(rule.Condition),
        Value = rule.Value,
        Email = rule.Email,
    };

    /// <summary>
    /// A new rule from a chart's "Alert me when…" link (<see cref="AlertLinks.New"/>): its metric, grain and filters, each read
    /// as a rule reads them; what cannot be read is left at its default and said in <paramref name="problem"/>.
    /// </summary>
    public static AlertDraft FromLink(string? metric, string? grain, string? filter, string email, out string? problem)
    {
        problem = null;
        var draft = new AlertDraft { Email = email };
        if (metric is { Length: > 0 } && AlertMetrics.Any(m => m.Key == metric))
        {
            draft.Metric = metric;
        }
        if (grain is "day" or "week")
        {
            draft.Grain = grain;
        }
        try
        {
            draft.Filter = AlertRuleReader.FilterOf(filter);
        }
        catch (AlertRefusedException e)
        {
            problem = "The link's filters could not be read, so the rule starts without them. " + e.Message;
        }
        draft.Name = Suggested(draft);
        return draft;
    }

    /// <summary>A name to start from: "revenue, category = Set".</summary>
    private static string Suggested(AlertDraft draft)
    {
        var metric = AlertMetrics.First(m => m.Key == draft.Metric).Text;
        var filter = Core.Weekly.WeeklyReviewFormat.Describe(draft.Filter);
        return char.ToUpperInvariant(metric[0]) + metric[1..] + (filter.Length > 0 ? ", " + filter : "");
    }

    /// <summary>The metrics a rule watches, as the form offers them.</summary>
    public static readonly IReadOnlyList<(string Key, string Text)> AlertMetrics =
        [.. Enum.GetValues<AlertMetric>().Select(m => (AlertRuleReader.NameOf(m), AlertText.MetricName(m)))];
}
