using Dashboard.Core.Digests;
using Dashboard.Core.Users;
using Dashboard.Web.Auth;

namespace Dashboard.Web.Components.Pages.Digests;

/// <summary>
/// Anyone signed in subscribes themselves to the weekly review by e-mail, with their own filters, day, hour and time
/// zone; changes or ends a subscription; and sends themselves a test at once. Nothing but a confirmation link goes to an
/// address before its owner follows the link.
/// </summary>
public sealed partial class DigestPage : SubscriptionPage
{
    private IReadOnlyList<SubscriptionView>? _subscriptions;
    private UserAccount? _me;
    private bool _sending;

    protected override Role ActingRole => Role.Viewer;

    protected override long NewSubscriber => _me?.Id ?? 0;

    protected override async Task LoadAsync() => _me = await CurrentUser.GetAsync();

    protected override async Task RefreshAsync() =>
        _subscriptions = _me is null ? [] : await Subscriptions.ListAsync(_me.Id);

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
}
