using Dashboard.Core.Alerts;
using Dashboard.Core.Display;
using Dashboard.Core.Orders;
using Dashboard.Core.Users;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Alerts;

/// <summary>
/// The fields of an alert rule (metric, grain, the overview's filters, condition and value, address) with its preview: "on which
/// periods of the last 8 weeks would this have fired?". Saving goes through <see cref="AlertRules"/>, as the API does (audited,
/// owner checks, confirmed addresses); a rule it refuses is said inline, at its field, with the reason.
/// </summary>
public sealed partial class AlertForm
{
    private AlertRefusedException? _error;
    private Preview? _preview;
    private bool _busy;

    /// <summary>A preview's answer, with the rule and its filters in words.</summary>
    private sealed record Preview(IReadOnlyList<AlertHit> Hits, string Rule, string Filter, string ComparedTitle);

    [Inject]
    private AlertRules Rules { get; set; } = default!;

    [Inject]
    private AlertEvaluator Evaluator { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    /// <summary>The rule being written; the form edits it in place. Required.</summary>
    [Parameter, EditorRequired]
    public required AlertDraft Draft { get; set; }

    /// <summary>The values each filter offers. Required.</summary>
    [Parameter, EditorRequired]
    public required OrderFilterOptions Options { get; set; }

    /// <summary>The data's main currency, for money in the preview when the filter names none. Default: none.</summary>
    [Parameter]
    public string? Currency { get; set; }

    /// <summary>Whether the one writing is an admin, who may also watch for "no new data". Default: false.</summary>
    [Parameter]
    public bool IsAdmin { get; set; }

    /// <summary>Called with the saved rule and where its address stands.</summary>
    [Parameter]
    public EventCallback<SavedAlert> Saved { get; set; }

    /// <summary>Called when the user clears the form or stops changing a rule.</summary>
    [Parameter]
    public EventCallback Cancel { get; set; }

    private IEnumerable<string> Conditions => IsAdmin
        ? ["above", "below", "change", "outside-range", "no-new-data"]
        : ["above", "below", "change", "outside-range"];

    private string ValueLabel => Draft.Condition switch
    {
        "change" => "By at least (%)",
        "no-new-data" => "Days",
        _ when Draft.Metric == "cancellation-rate" => "Value (%)",
        _ => "Value",
    };

    private DisplayNumbers Numbers => DisplayNumbers.Current;

    private string? ErrorOf(string field) => _error?.Field == field ? _error.Message : null;

    private static string MetricText(string key) => AlertDraft.AlertMetrics.FirstOrDefault(m => m.Key == key).Text ?? key;

    private static string GrainText(string grain) => grain == "week" ? "Week" : "Day";

    private static string ConditionText(string condition) => condition switch
    {
        "above" => "is above",
        "below" => "is below",
        "change" => "changes by at least",
        "outside-range" => "is outside the expected range",
        "no-new-data" => "no new data for",
        _ => condition,
    };

    private static string Count(int hits) => hits == 1 ? "1 period" : $"{hits} periods";

    private string CurrencyOf(AlertRule rule) => AlertRuleReader.StoredFilter(rule).Currency ?? Currency ?? "";

    private string ValueText(AlertHit hit, decimal? value) => AlertText.Value(hit.Rule.Metric, value, Numbers, CurrencyOf(hit.Rule));

    private string Compared(AlertHit hit) => hit.Low is not null || hit.High is not null
        ? $"{ValueText(hit, hit.Low)} – {ValueText(hit, hit.High)}"
        : ValueText(hit, hit.Compared);

    private async Task PreviewAsync()
    {
        _busy = true;
        try
        {
            var me = await CurrentUser.RequireAsync(Role.Viewer);
            // The preview judges the metric, grain, filters and condition only: a name and an address are not needed yet.
            var input = Draft.ToInput() with { Name = "preview", Email = "preview@example.com" };
            var rule = AlertRules.Draft(me, input);
            var hits = await Evaluator.PreviewAsync(rule);
            _error = null;
            var compared = rule.Condition switch
            {
                AlertCondition.Change => rule.Grain == TimeGrain.Week ? "The week before" : "The same weekday a week before",
                AlertCondition.OutsideRange => "Expected range",
                AlertCondition.NoNewData => "Days",
                _ => "Threshold",
            };
            var filter = Core.Weekly.WeeklyReviewFormat.Describe(AlertRuleReader.StoredFilter(rule));
            _preview = new Preview(hits, AlertText.Condition(rule, v => Numbers.Number((double)v, v % 1 == 0 ? 0 : 2)),
                filter.Length > 0 ? filter : "all orders", compared);
        }
        catch (AlertRefusedException refused)
        {
            (_error, _preview) = (refused, null);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var me = await CurrentUser.RequireAsync(Role.Viewer);
            var saved = await Rules.SaveAsync(me, Draft.ToInput(), Draft.Id);
            (_error, _preview) = (null, null);
            await Saved.InvokeAsync(saved);
        }
        catch (AlertRefusedException refused)
        {
            _error = refused;
        }
        catch (Core.Mail.MailRefusedException refused)
        {
            _error = new AlertRefusedException("email", refused.Message);
        }
        finally
        {
            _busy = false;
        }
    }
}
