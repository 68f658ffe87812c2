using Dashboard.Core.Data;
using Dashboard.Core.Mail;
using Dashboard.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Digests;

/// <summary>
/// Subscriptions to the weekly digest: anyone signed in manages their own, admins everyone's. Every change is audited.
/// The caller passes the acting user as the store has them now (see <c>CurrentUser.RequireAsync</c>). An address is a
/// bare address, confirmed by its owner before anything but the confirmation goes there (<see cref="ConfirmedAddresses"/>),
/// and a user has at most <c>Mail:MaxSubscriptionsPerUser</c> subscriptions.
/// </summary>
public sealed class DigestSubscriptions(
    IDbContextFactory<DashboardDbContext> contexts, AuditLog audit, TimeProvider clock, ConfirmedAddresses addresses, DigestDelivery delivery,
    IOptions<MailOptions> mailSettings)
{
    private readonly MailOptions _options = mailSettings.Value;

    public static class Actions
    {
        public const string Subscribed = "digest subscribed";
        public const string Changed = "digest changed";
        public const string Unsubscribed = "digest unsubscribed";
        public const string TestSent = "digest test sent";
        public const string Retried = "digest retry";
    }

    public async Task<IReadOnlyList<SubscriptionView>> ListAsync(long? userId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = from s in db.DigestSubscriptions
                    join u in db.Users on s.UserId equals u.Id
                    where userId == null || s.UserId == userId
                    orderby u.UserName, s.Id
                    select new SubscriptionView(s, u.UserName,
                        db.Set<MailRecipient>().Any(r => r.UserId == s.UserId && r.Address == s.Email && r.ConfirmedAt != null));
        return await query.ToListAsync(cancellationToken);
    }

    public async Task<DigestSubscription?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DigestSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>
    /// Adds or changes a subscription, and sends its address a confirmation link when the owner gives it for the first time.
    /// Someone who is not an admin may only touch their own.
    /// </summary>
    public async Task<SavedSubscription> SaveAsync(UserAccount actor, SubscriptionInput input, string? address = null, CancellationToken cancellationToken = default)
    {
        var email = Validate(actor, input);
        var culture = CultureOf(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owner = await db.Users.FirstOrDefaultAsync(u => u.Id == input.UserId, cancellationToken)
            ?? throw new SubscriptionRefusedException("There is no such user.");
        var now = clock.GetUtcNow();
        DigestSubscription subscription;
        if (input.Id is { } id)
        {
            subscription = await db.DigestSubscriptions.AsTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
                ?? throw new SubscriptionRefusedException("That subscription no longer exists.");
            if (subscription.UserId != actor.Id && !actor.Can(Role.Admin))
            {
                throw new SubscriptionRefusedException("Only an admin can manage someone else's subscription.");
            }
        }
        else
        {
            if (await db.DigestSubscriptions.CountAsync(s => s.UserId == owner.Id, cancellationToken) >= _options.MaxSubscriptionsPerUser)
            {
                throw new SubscriptionRefusedException(
                    $"{owner.UserName} has {_options.MaxSubscriptionsPerUser} subscriptions, the most this server allows (Mail:MaxSubscriptionsPerUser): change or remove one.");
            }
            subscription = new DigestSubscription { UserId = owner.Id, Email = email, TimeZone = input.TimeZone, CreatedAt = now };
            db.DigestSubscriptions.Add(subscription);
        }
        subscription.Email = email;
        subscription.Day = input.Day;
        subscription.Hour = input.Hour;
        subscription.TimeZone = input.TimeZone;
        subscription.Filter = (input.Filter with { From = null, To = null }).ToQueryString();
        subscription.Culture = culture;
        subscription.UpdatedAt = now;
        await StoreBusy.WriteAsync(() => db.SaveChangesAsync(cancellationToken), Refused);
        await audit.RecordAsync(actor.UserName, input.Id is null ? Actions.Subscribed : Actions.Changed, Describe(subscription, owner.UserName), address, cancellationToken);
        return new SavedSubscription(subscription, await addresses.RequestAsync(owner.Id, email, resend: false, cancellationToken));
    }

    /// <summary>The address, bare and in lower case, once the actor may save <paramref name="input"/>.</summary>
    private static string Validate(UserAccount actor, SubscriptionInput input)
    {
        if (input.UserId != actor.Id && !actor.Can(Role.Admin))
        {
            throw new SubscriptionRefusedException("Only an admin can manage someone else's subscription.");
        }
        var email = EmailAddress.Parse(input.Email, "E-mail address", out var problem) ?? throw new SubscriptionRefusedException(problem);
        if (input.Hour is < 0 or > 23)
        {
            throw new SubscriptionRefusedException("The hour is 0 to 23.");
        }
        if (DigestSchedule.FindZone(input.TimeZone) is null)
        {
            throw new SubscriptionRefusedException($"'{input.TimeZone}' is not a time zone this server knows.");
        }
        return email;
    }

    /// <summary>The culture's own name for the subscription's number format, or null for the display culture's default.</summary>
    private static string? CultureOf(SubscriptionInput input) =>
        string.IsNullOrWhiteSpace(input.Culture) ? null
        : Display.DisplayCultures.Find(input.Culture)?.Name
            ?? throw new SubscriptionRefusedException($"'{input.Culture}' is not a number format this server knows (a culture name such as en-IN).");

    /// <summary>"Send me a test now": the digest of the data's last complete week, to the actor's own, confirmed address, within the limits.</summary>
    public async Task<MimeKit.MimeMessage> SendTestAsync(UserAccount actor, long id, string? address = null, CancellationToken cancellationToken = default)
    {
        var subscription = await OwnAsync(actor, id, cancellationToken);
        var message = await delivery.SendAsync(subscription, week: null, isTest: true, cancellationToken);
        await audit.RecordAsync(actor.UserName, Actions.TestSent, subscription.Email, address, cancellationToken);
        return message;
    }

    /// <summary>Sends the confirmation link of a subscription's address again (within the limits); nothing when it is confirmed.</summary>
    public async Task<AddressCheck> ResendConfirmationAsync(UserAccount actor, long id, CancellationToken cancellationToken = default)
    {
        var subscription = await OwnAsync(actor, id, cancellationToken);
        return await addresses.RequestAsync(subscription.UserId, subscription.Email, resend: true, cancellationToken);
    }

    private async Task<DigestSubscription> OwnAsync(UserAccount actor, long id, CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(id, cancellationToken) ?? throw new SubscriptionRefusedException("That subscription no longer exists.");
        return subscription.UserId == actor.Id ? subscription : throw new SubscriptionRefusedException("That is not your subscription.");
    }

    /// <summary>Ends a subscription (its send history goes with it). Someone who is not an admin may only end their own.</summary>
    public async Task DeleteAsync(UserAccount actor, long id, string? address = null, CancellationToken cancellationToken = default)
    {
        var subscription = await FindAsync(id, cancellationToken) ?? throw new SubscriptionRefusedException("That subscription no longer exists.");
        if (subscription.UserId != actor.Id && !actor.Can(Role.Admin))
        {
            throw new SubscriptionRefusedException("Only an admin can manage someone else's subscription.");
        }
        await RemoveAsync(subscription, actor.UserName, "", address, cancellationToken);
    }

    /// <summary>The unsubscribe link of a digest: no sign-in, the signed token names the subscription. False when it is already gone.</summary>
    public async Task<bool> UnsubscribeAsync(long id, string? address = null, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, cancellationToken) is not { } subscription)
        {
            return false;
        }
        await RemoveAsync(subscription, null, " through the link in the e-mail", address, cancellationToken);
        // The address's owner said stop: this user's next use of it needs a new confirmation.
        await addresses.WithdrawAsync(subscription.UserId, subscription.Email, address, cancellationToken);
        return true;
    }

    private async Task RemoveAsync(DigestSubscription subscription, string? actor, string how, string? address, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owner = await db.Users.Where(u => u.Id == subscription.UserId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken) ?? "?";
        await StoreBusy.WriteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.DigestSends.Where(s => s.SubscriptionId == subscription.Id).ExecuteDeleteAsync(cancellationToken);
            await db.DigestSubscriptions.Where(s => s.Id == subscription.Id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, Refused);
        await audit.RecordAsync(actor ?? owner, Actions.Unsubscribed, Describe(subscription, owner) + how, address, cancellationToken);
    }

    private static SubscriptionRefusedException Refused(string message) => new(message);

    /// <summary>The newest sends first (failed and retrying ones included), for the admin page.</summary>
    public async Task<IReadOnlyList<DigestSendView>> SendsAsync(int take = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = from d in db.DigestSends
                    join s in db.DigestSubscriptions on d.SubscriptionId equals s.Id
                    join u in db.Users on s.UserId equals u.Id
                    orderby d.Id descending
                    select new DigestSendView(d, u.UserName, s.Email);
        return await query.Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>An admin asks for a failed (or waiting) send to be tried again at once.</summary>
    public async Task RetryAsync(UserAccount actor, long sendId, string? address = null, CancellationToken cancellationToken = default)
    {
        if (!actor.Can(Role.Admin))
        {
            throw new SubscriptionRefusedException("Only an admin can retry a send.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = 0;
        await StoreBusy.WriteAsync(async () => changed = await db.DigestSends
            .Where(s => s.Id == sendId && (s.State == DigestSendState.Failed || s.State == DigestSendState.Pending))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, DigestSendState.Pending).SetProperty(s => s.NextAttemptAt, clock.GetUtcNow()), cancellationToken), Refused);
        if (changed == 0)
        {
            throw new SubscriptionRefusedException("That send is being sent or was sent already.");
        }
        await audit.RecordAsync(actor.UserName, Actions.Retried, $"send {sendId}", address, cancellationToken);
    }

    public static string Describe(DigestSubscription s, string owner)
    {
        var filters = Weekly.WeeklyReviewFormat.Describe(DigestDelivery.FilterOf(s));
        return $"{owner} <{s.Email}>, {s.Day} {s.Hour.ToString("00", System.Globalization.CultureInfo.InvariantCulture)}:00 {s.TimeZone}, {(filters.Length > 0 ? filters : "all orders")}";
    }
}
