using Dashboard.Core.Alerts;
using Dashboard.Core.Display;
using Dashboard.Core.Orders;
using Dashboard.Core.Users;
using Dashboard.Web.Components.Pages.Digests;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Alerts;

/// <summary>
/// Everyone signed in manages their own alert rules (docs/decisions/0037-alerts.md): lists them with their last firing, writes
/// a new one (from scratch, or prefilled by a chart's "Alert me when…" at <c>/alerts/new?metric=…&amp;grain=…&amp;filter=…</c>),
/// changes one (<c>/alerts/{id}</c>), previews it, snoozes it for a week or lifts the snooze, and deletes it. Every action goes
/// through <see cref="AlertRules"/>, which checks the owner and audits it.
/// </summary>
public sealed partial class AlertsPage : InteractivePage
{
    private IReadOnlyList<AlertRuleView>? _rules;
    private Dictionary<long, AlertFiring> _lastFirings = [];
    private OrderFilterOptions? _options;
    private string? _currency;
    private AlertDraft? _draft;
    private bool _isAdmin;
    private string? _message;
    private bool _messageIsError;
    /// <summary>A save's outcome survives the navigation back to the list.</summary>
    private bool _keepMessage;

    [Inject]
    private AlertRules Rules { get; set; } = default!;

    [Inject]
    private OrdersOverviewQuery Orders { get; set; } = default!;

    [Inject]
    private OrdersFrameCache Frames { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>The rule to change, from <c>/alerts/{id}</c>. Default: none.</summary>
    [Parameter]
    public long? Id { get; set; }

    /// <summary>A chart's metric, from "Alert me when…". Default: none.</summary>
    [SupplyParameterFromQuery(Name = "metric")]
    public string? LinkMetric { get; set; }

    /// <summary>The chart's grain, day or week. Default: none.</summary>
    [SupplyParameterFromQuery(Name = "grain")]
    public string? LinkGrain { get; set; }

    /// <summary>The page's filters as a query string, without dates. Default: none.</summary>
    [SupplyParameterFromQuery(Name = "filter")]
    public string? LinkFilter { get; set; }

    private DisplayNumbers Numbers => DisplayNumbers.Current;

    private DateTimeOffset Now => Clock.GetUtcNow();

    protected override async Task OnInitializedAsync()
    {
        _isAdmin = await CurrentUser.GetAsync() is { } me && me.Can(Role.Admin);
        _options = await Orders.GetFilterOptionsAsync();
        _currency = (await Frames.GetAsync()).MainCurrency;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (!_keepMessage)
        {
            _message = null;
        }
        _keepMessage = false;
        await RefreshAsync();
        var email = _rules?.FirstOrDefault()?.Rule.Email ?? "";
        if (Id is { } id)
        {
            try
            {
                _draft = AlertDraft.Of(await Rules.OwnAsync(await CurrentUser.RequireAsync(Role.Viewer), id));
            }
            catch (AlertRefusedException refused)
            {
                (_message, _messageIsError, _draft) = (refused.Message, true, new AlertDraft { Email = email });
            }
        }
        else if (Navigation.ToBaseRelativePath(Navigation.Uri).StartsWith(AlertLinks.NewPath, StringComparison.Ordinal))
        {
            _draft = AlertDraft.FromLink(LinkMetric, LinkGrain, LinkFilter, email, out var problem);
            if (problem is not null)
            {
                (_message, _messageIsError) = (problem, true);
            }
        }
        else
        {
            _draft = new AlertDraft { Email = email };
        }
    }

    private async Task RefreshAsync()
    {
        var me = await CurrentUser.GetAsync();
        _rules = me is null ? [] : await Rules.ListAsync(me.Id);
        _lastFirings = me is null ? [] : (await Rules.FiringsAsync(me.Id))
            .GroupBy(f => f.Firing.RuleId)
            .ToDictionary(g => g.Key, g => g.MaxBy(f => f.Firing.Period)!.Firing);
    }

    private string LastFiring(AlertRule rule) =>
        _lastFirings.TryGetValue(rule.Id, out var firing) ? $"{AlertPages.Firing(rule, firing, Numbers, _currency)} ({AlertPages.State(firing)})" : "never";

    private async Task OnSavedAsync(SavedAlert saved)
    {
        (_message, _messageIsError) = ($"Saved \"{saved.Rule.Name}\": {AlertText.Condition(saved.Rule, v => Numbers.Number((double)v, v % 1 == 0 ? 0 : 2))}, "
            + $"{AlertPages.Filter(saved.Rule)}, to {saved.Rule.Email}" + DigestPages.AddressState(saved.Address), false);
        Snackbar.Add($"Saved \"{saved.Rule.Name}\".", Severity.Success);
        if (Id is null && !Navigation.ToBaseRelativePath(Navigation.Uri).StartsWith(AlertLinks.NewPath, StringComparison.Ordinal))
        {
            await RefreshAsync();
            _draft = new AlertDraft { Email = saved.Rule.Email };
            return;
        }
        _keepMessage = true;
        Navigation.NavigateTo("alerts");
    }

    private Task SnoozeAsync(AlertRuleView view) => ActAsync(async me =>
        $"\"{view.Rule.Name}\" is snoozed until {Text.When(await Rules.SnoozeAsync(me, view.Rule.Id))} UTC.");

    private Task UnsnoozeAsync(AlertRuleView view) => ActAsync(async me =>
    {
        await Rules.UnsnoozeAsync(me, view.Rule.Id);
        return $"\"{view.Rule.Name}\" is checked again.";
    });

    private async Task DeleteAsync(AlertRuleView view)
    {
        if (await Dialogs.ShowMessageBoxAsync($"Delete \"{view.Rule.Name}\"?", $"No more alerts to {view.Rule.Email} from this rule; its firings are deleted with it.",
                yesText: "Delete", cancelText: "Cancel") == true)
        {
            await ActAsync(async me =>
            {
                await Rules.DeleteAsync(me, view.Rule.Id);
                return $"Deleted \"{view.Rule.Name}\".";
            });
        }
    }

    private async Task ActAsync(Func<UserAccount, Task<string>> action)
    {
        try
        {
            (_message, _messageIsError) = (await action(await CurrentUser.RequireAsync(Role.Viewer)), false);
            Snackbar.Add(_message, Severity.Success);
        }
        catch (AlertRefusedException refused)
        {
            (_message, _messageIsError) = (refused.Message, true);
        }
        await RefreshAsync();
    }
}
