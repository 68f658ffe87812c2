using Dashboard.Core.Orders;
using Dashboard.Core.Digests;
using Dashboard.Core.Mail;
using Dashboard.Core.Users;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Components.Pages.Digests;

/// <summary>
/// Admins see and manage every digest subscription, add one for any user, and watch the sends: sent, waiting for a
/// retry (with the error and the time of the next attempt) or failed, which they can retry at once. A subscription an
/// admin adds goes to its address only once the address's owner confirms it, as any other.
/// </summary>
public sealed partial class DigestAdminPage
{
    private IReadOnlyList<SubscriptionView>? _subscriptions;
    private IReadOnlyList<DigestSendView>? _sends;
    private IReadOnlyList<UserAccount>? _users;
    private OrderFilterOptions? _options;
    private SubscriptionInput? _input;
    private string? _message;
    private bool _messageIsError;

    [Inject]
    private DigestSubscriptions Subscriptions { get; set; } = default!;

    [Inject]
    private UserService Users { get; set; } = default!;

    [Inject]
    private IOptions<MailOptions> MailSettings { get; set; } = default!;

    private MailOptions Mail => MailSettings.Value;

    [Inject]
    private OrdersOverviewQuery Orders { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _options = await Orders.GetFilterOptionsAsync();
        _users = await Users.ListAsync();
        ResetForm();
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        _subscriptions = await Subscriptions.ListAsync();
        _sends = await Subscriptions.SendsAsync(500);
    }

    private void ResetForm() => _input = DigestPages.NewInput(_users?.FirstOrDefault()?.Id ?? 0, Mail);

    private void Edit(SubscriptionView view) => _input = DigestPages.InputOf(view.Subscription);

    private Task SaveAsync(SubscriptionInput input) => ActAsync(async admin =>
    {
        var saved = await Subscriptions.SaveAsync(admin, input);
        ResetForm();
        return $"Saved: the weekly review goes to {saved.Subscription.Email} {DigestPages.When(saved.Subscription)}" + DigestPages.AddressState(saved.Address);
    });

    private async Task DeleteAsync(SubscriptionView view)
    {
        if (await Dialogs.ShowMessageBoxAsync($"Remove {view.UserName}'s subscription?", $"No more weekly reviews to {view.Subscription.Email} with these filters.",
                yesText: "Remove", cancelText: "Cancel") == true)
        {
            await ActAsync(async admin =>
            {
                await Subscriptions.DeleteAsync(admin, view.Subscription.Id);
                return $"Removed {view.UserName}'s subscription.";
            });
        }
    }

    private Task RetryAsync(DigestSendView view) => ActAsync(async admin =>
    {
        await Subscriptions.RetryAsync(admin, view.Send.Id);
        return $"The digest to {view.Email} is sent again within a minute.";
    });

    private async Task ActAsync(Func<UserAccount, Task<string>> action)
    {
        try
        {
            var admin = await CurrentUser.RequireAsync(Role.Admin);
            (_message, _messageIsError) = (await action(admin), false);
            Snackbar.Add(_message, Severity.Success);
        }
        catch (Exception refused) when (refused is SubscriptionRefusedException or MailRefusedException)
        {
            (_message, _messageIsError) = (refused.Message, true);
        }
        await RefreshAsync();
    }

    }
