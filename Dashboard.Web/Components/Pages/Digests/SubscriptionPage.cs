using Dashboard.Core.Digests;
using Dashboard.Core.Mail;
using Dashboard.Core.Orders;
using Dashboard.Core.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Digests;

/// <summary>
/// What the two digest pages share: the subscription form's filter options and current input, and the actions' outcome —
/// said in a snackbar when done, in place when the subscriptions or the mail guard refuse it, or when the mail server does
/// not take the message. Each page says whose subscriptions it shows and who may act on them.
/// </summary>
public abstract class SubscriptionPage : InteractivePage
{
    [Inject]
    protected DigestSubscriptions Subscriptions { get; set; } = default!;

    [Inject]
    private IOptions<MailOptions> MailSettings { get; set; } = default!;

    [Inject]
    private OrdersOverviewQuery Orders { get; set; } = default!;

    protected MailOptions Mail => MailSettings.Value;

    protected OrderFilterOptions? Options { get; private set; }

    /// <summary>The form's subscription: a new one, or the one being changed.</summary>
    protected SubscriptionInput? Input { get; private set; }

    protected string? Message { get; private set; }

    protected bool MessageIsError { get; private set; }

    /// <summary>The role an action on this page asks of the one acting.</summary>
    protected abstract Role ActingRole { get; }

    /// <summary>The user a new subscription on the form is for.</summary>
    protected abstract long NewSubscriber { get; }

    /// <summary>What the page needs before its form: the one signed in, or the users an admin may subscribe.</summary>
    protected abstract Task LoadAsync();

    /// <summary>Reads the subscriptions (and sends) the page lists again.</summary>
    protected abstract Task RefreshAsync();

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        Options = await Orders.GetFilterOptionsAsync();
        ResetForm();
        await RefreshAsync();
    }

    protected void ResetForm() => Input = DigestPages.NewInput(NewSubscriber, Mail);

    protected void Edit(SubscriptionView view) => Input = DigestPages.InputOf(view.Subscription);

    protected async Task ActAsync(Func<UserAccount, Task<string>> action)
    {
        try
        {
            var user = await CurrentUser.RequireAsync(ActingRole);
            (Message, MessageIsError) = (await action(user), false);
            Snackbar.Add(Message, Severity.Success);
        }
        catch (Exception refused) when (refused is SubscriptionRefusedException or MailRefusedException)
        {
            (Message, MessageIsError) = (refused.Message, true);
        }
        catch (Exception e) when (e is MailKit.CommandException or MailKit.ProtocolException or System.Net.Sockets.SocketException
                                      or IOException or TimeoutException or InvalidOperationException or MailKit.Security.AuthenticationException)
        {
            (Message, MessageIsError) = ("The mail server did not take the message: " + e.Message, true);
        }
        await RefreshAsync();
    }
}
