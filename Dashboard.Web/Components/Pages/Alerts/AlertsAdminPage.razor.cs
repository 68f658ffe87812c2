using Dashboard.Core.Alerts;
using Dashboard.Core.Digests;
using Dashboard.Core.Display;
using Dashboard.Core.Orders;
using Dashboard.Core.Users;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Alerts;

/// <summary>
/// Admins see every alert rule with its owner and every firing with its mail's state — sent, waiting for a retry, failed — and
/// retry a failed or waiting mail at once (<see cref="AlertRules.RetryAsync"/>, audited).
/// </summary>
public sealed partial class AlertsAdminPage : InteractivePage
{
    private IReadOnlyList<AlertRuleView>? _rules;
    private IReadOnlyList<AlertFiringView>? _firings;
    private Dictionary<long, AlertRule> _byId = [];
    private string? _currency;
    private string? _message;
    private bool _messageIsError;

    [Inject]
    private AlertRules Rules { get; set; } = default!;

    [Inject]
    private OrdersFrameCache Frames { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private DisplayNumbers Numbers => DisplayNumbers.Current;

    private DateTimeOffset Now => Clock.GetUtcNow();

    protected override async Task OnInitializedAsync()
    {
        _currency = (await Frames.GetAsync()).MainCurrency;
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        _rules = await Rules.ListAsync(null);
        _byId = _rules.ToDictionary(r => r.Rule.Id, r => r.Rule);
        _firings = await Rules.FiringsAsync(null, 500);
    }

    private string FiringText(AlertFiringView view) =>
        _byId.TryGetValue(view.Firing.RuleId, out var rule) ? AlertPages.Firing(rule, view.Firing, Numbers, _currency) : Text.IsoDate(view.Firing.Period);

    private string Counts()
    {
        var waiting = _firings!.Count(f => f.Firing is { State: DigestSendState.Pending, Attempts: > 0 });
        var failed = _firings!.Count(f => f.Firing.State == DigestSendState.Failed);
        return $"{Numbers.Count(_firings!.Count)} {(_firings!.Count == 1 ? "firing" : "firings")} shown: {Numbers.Count(waiting)} waiting for a retry, {Numbers.Count(failed)} failed.";
    }

    private async Task RetryAsync(AlertFiringView view)
    {
        try
        {
            await Rules.RetryAsync(await CurrentUser.RequireAsync(Role.Admin), view.Firing.Id);
            (_message, _messageIsError) = ($"The alert to {view.Email} is sent again within a minute.", false);
            Snackbar.Add(_message, Severity.Success);
        }
        catch (AlertRefusedException refused)
        {
            (_message, _messageIsError) = (refused.Message, true);
        }
        await RefreshAsync();
    }
}
