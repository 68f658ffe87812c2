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
/// Anyone signed in subscribes themselves to the weekly review by e-mail, with their own filters, day, hour and time
/// zone; changes or ends a subscription; and sends themselves a test at once. Nothing but a confirmation link goes to an
/// address before its owner follows the link.
/// </summary>
public sealed partial class DigestPage
{
    private IReadOnlyList<SubscriptionView>? _subscriptions;
    private OrderFilterOptions? _options;
    private SubscriptionInput? _input;
    private UserAccount? _me;
    private string? _message;
    private bool _messageIsError;
    private bool _sending;

    [Inject]
    private DigestSubscriptions Subscriptions { get; set; } = default!;

    [Inject]
    private IOptions<MailOptions> MailSettings { get; set; } = default!;

    private MailOptions Mail => MailSettings.Value;

    [Inject]
    private OrdersOverviewQuery Orders { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _me = await CurrentUser.GetAsync();
        _options = await Orders.GetFilterOptionsAsync();
        ResetForm();
        await RefreshAsync();
    }

    private async Task RefreshAsync() =>
        _subscriptions = _me is null ? [] : await Subscriptions.ListAsync(_me.Id);

    private void ResetForm() => _input = DigestPages.NewInput(_me?.Id ?? 0, Mail);

    private void Edit(SubscriptionView view) => _input = DigestPages.InputOf(view.Subscription);

    private Task SaveAsync(SubscriptionInput input) => ActAsync(async me =>
    {
        var saved = await Subscriptions.SaveAsync(me, input with { UserId = me.Id });
        ResetForm();
        var done = input.Id is null ? "Subscribed" : "Saved";
        return $"{done}: the weekly review goes to {saved.Subscription.Email} {DigestPages.When(saved.Subscription)}" + DigestPages.AddressState(saved.Address);
    });

    private async Task DeleteAsync(SubscriptionView view)
    {
        if (await Dialogs.ShowMessageBoxAsync("Unsubscribe?", $"No more weekly reviews to {view.Subscription.Email} with these filters.",
                yesText: "Unsubscribe", cancelText: "Cancel") == true)
        {
            await ActAsync(async me =>
            {
                await Subscriptions.DeleteAsync(me, view.Subscription.Id);
                return "Unsubscribed.";
            });
        }
    }

    private async Task SendTestAsync(SubscriptionView view)
    {
        _sending = true;
        try
        {
            await ActAsync(async me =>
            {
                var message = await Subscriptions.SendTestAsync(me, view.Subscription.Id);
                return $"Sent \"{message.Subject}\" to {view.Subscription.Email}.";
            });
        }
        finally
        {
            _sending = false;
        }
    }

    private Task ResendAsync(SubscriptionView view) => ActAsync(async me =>
        "The weekly review goes to " + view.Subscription.Email + DigestPages.AddressState(await Subscriptions.ResendConfirmationAsync(me, view.Subscription.Id)));

    private async Task ActAsync(Func<UserAccount, Task<string>> action)
    {
        try
        {
            var me = await CurrentUser.RequireAsync(Role.Viewer);
            (_message, _messageIsError) = (await action(me), false);
            Snackbar.Add(_message, Severity.Success);
        }
        catch (Exception refused) when (refused is SubscriptionRefusedException or MailRefusedException)
        {
            (_message, _messageIsError) = (refused.Message, true);
        }
        catch (Exception e) when (e is MailKit.CommandException or MailKit.ProtocolException or System.Net.Sockets.SocketException
                                      or IOException or TimeoutException or InvalidOperationException or MailKit.Security.AuthenticationException)
        {
            (_message, _messageIsError) = ("The mail server did not take the message: " + e.Message, true);
        }
        await RefreshAsync();
    }

    }
