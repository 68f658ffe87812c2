using Dashboard.Core.Digests;
using Dashboard.Core.Users;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Digests;

/// <summary>
/// Admins see and manage every digest subscription, add one for any user, and watch the sends: sent, waiting for a
/// retry (with the error and the time of the next attempt) or failed, which they can retry at once. A subscription an
/// admin adds goes to its address only once the address's owner confirms it, as any other.
/// </summary>
public sealed partial class DigestAdminPage : SubscriptionPage
{
    private IReadOnlyList<SubscriptionView>? _subscriptions;
    private IReadOnlyList<DigestSendView>? _sends;
    private IReadOnlyList<UserAccount>? _users;

    [Inject]
    private UserService Users { get; set; } = default!;

    protected override Role ActingRole => Role.Admin;

    protected override long NewSubscriber => _users?.FirstOrDefault()?.Id ?? 0;

    protected override async Task LoadAsync() => _users = await Users.ListAsync();

    protected override async Task RefreshAsync()
    {
        _subscriptions = await Subscriptions.ListAsync();
        _sends = await Subscriptions.SendsAsync(500);
    }

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
}
