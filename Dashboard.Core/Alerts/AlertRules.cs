using Dashboard.Core.Data;
using Dashboard.Core.Mail;
using Dashboard.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Alerts;

/// <summary>
/// Alert rules: everyone signed in manages their own, admins see everyone's. Creating, changing, snoozing and deleting are
/// audited. A rule's address gets a confirmation link the first time its owner gives it (<see cref="ConfirmedAddresses"/>) and
/// nothing else until then: no one can make the server mail an address they do not control.
/// </summary>
public sealed class AlertRules(
    IDbContextFactory<DashboardDbContext> contexts, ConfirmedAddresses addresses, MailGuard guard, Microsoft.Extensions.Options.IOptions<Digests.MailOptions> mailSettings,
    AuditLog audit, TimeProvider clock)
{
    public const int MaxRulesPerUser = 50;
    public static readonly TimeSpan Snooze = TimeSpan.FromDays(7);

    public static class Actions
    {
        public const string Created = "alert created";
        public const string Changed = "alert changed";
        public const string Snoozed = "alert snoozed";
        public const string Unsnoozed = "alert unsnoozed";
        public const string Deleted = "alert deleted";
        public const string Retried = "alert retry";
    }

    /// <summary>The rules of <paramref name="userId"/>, or everyone's (null).</summary>
    public async Task<IReadOnlyList<AlertRuleView>> ListAsync(long? userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = from r in db.Set<AlertRule>()
                    join u in db.Users on r.UserId equals u.Id
                    where userId == null || r.UserId == userId
                    orderby u.UserName, r.Id
                    select new AlertRuleView(r, u.UserName,
                        db.Set<MailRecipient>().Any(m => m.UserId == r.UserId && m.Address == r.Email && m.ConfirmedAt != null));
        return await query.ToListAsync(cancellationToken);
    }

    public async Task<AlertRule?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<AlertRule>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>The actor's own rule, or an admin's look at anyone's; refused otherwise.</summary>
    public async Task<AlertRule> OwnAsync(UserAccount actor, long id, CancellationToken cancellationToken = default)
    {
        var rule = await FindAsync(id, cancellationToken) ?? throw new AlertRefusedException("id", "That rule no longer exists.");
        return rule.UserId == actor.Id || actor.Can(Role.Admin) ? rule : throw new AlertRefusedException("id", "That is not your rule.");
    }

    /// <summary>A rule as it would be saved (checked, not stored): for the preview of a rule being written.</summary>
    public static AlertRule Draft(UserAccount actor, AlertInput input)
    {
        var rule = new AlertRule { UserId = actor.Id, Name = "", Email = "" };
        AlertRuleReader.Read(input, rule);
        return Allowed(actor, rule);
    }

    /// <summary>Creates (no <paramref name="id"/>) or changes the actor's rule, and asks its address to be confirmed when it is new to the actor.</summary>
    public async Task<SavedAlert> SaveAsync(UserAccount actor, AlertInput input, long? id = null, string? address = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        AlertRule rule;
        if (id is { } existing)
        {
            rule = await db.Set<AlertRule>().AsTracking().FirstOrDefaultAsync(r => r.Id == existing, cancellationToken)
                ?? throw new AlertRefusedException("id", "That rule no longer exists.");
            if (rule.UserId != actor.Id)
            {
                throw new AlertRefusedException("id", "Only its owner can change a rule.");
            }
        }
        else
        {
            if (await db.Set<AlertRule>().CountAsync(r => r.UserId == actor.Id, cancellationToken) >= MaxRulesPerUser)
            {
                throw new AlertRefusedException("id", $"You have {MaxRulesPerUser} rules, the most one user may have: change or delete one.");
            }
            rule = new AlertRule { UserId = actor.Id, Name = "", Email = "", CreatedAt = now };
            db.Set<AlertRule>().Add(rule);
        }
        AlertRuleReader.Read(input, rule);
        Allowed(actor, rule);
        rule.UpdatedAt = now;
        await StoreBusy.WriteAsync(() => db.SaveChangesAsync(cancellationToken), Refused);
        await audit.RecordAsync(actor.UserName, id is null ? Actions.Created : Actions.Changed, Describe(rule, actor.UserName), address, cancellationToken);
        return new SavedAlert(rule, mailSettings.Value.IsConfigured
            ? await addresses.RequestAsync(actor.Id, rule.Email, resend: false, cancellationToken)
            : new AddressCheck(rule.Email, await guard.IsConfirmedAsync(actor.Id, rule.Email, cancellationToken), false,
                "This server sends no mail yet (Mail settings): the address is confirmed once it can."));
    }

    private static AlertRule Allowed(UserAccount actor, AlertRule rule) =>
        rule.Condition == AlertCondition.NoNewData && !actor.Can(Role.Admin)
            ? throw new AlertRefusedException("condition", "condition: \"no new data\" watches the imports, which is an admin's concern.")
            : rule;

    /// <summary>Snoozes a rule for a week from now: by its owner or an admin, or through the link in its mail (<paramref name="actor"/> null).</summary>
    public async Task<DateTimeOffset> SnoozeAsync(UserAccount? actor, long id, string? address = null, CancellationToken cancellationToken = default)
    {
        var rule = actor is null ? await FindAsync(id, cancellationToken) ?? throw new AlertRefusedException("id", "That rule no longer exists.")
            : await OwnAsync(actor, id, cancellationToken);
        var until = clock.GetUtcNow() + Snooze;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await StoreBusy.WriteAsync(() => db.Set<AlertRule>().Where(r => r.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.SnoozedUntil, until), cancellationToken), Refused);
        var owner = await OwnerNameAsync(db, rule.UserId, cancellationToken);
        await audit.RecordAsync(actor?.UserName ?? owner, Actions.Snoozed,
            $"{Describe(rule, owner)} until {until:yyyy-MM-dd HH:mm} UTC{(actor is null ? " through the link in the e-mail" : "")}", address, cancellationToken);
        return until;
    }

    /// <summary>Lifts a rule's snooze now, by its owner or an admin: it is checked again from the next check on.</summary>
    public async Task UnsnoozeAsync(UserAccount actor, long id, string? address = null, CancellationToken cancellationToken = default)
    {
        var rule = await OwnAsync(actor, id, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await StoreBusy.WriteAsync(() => db.Set<AlertRule>().Where(r => r.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.SnoozedUntil, (DateTimeOffset?)null), cancellationToken), Refused);
        await audit.RecordAsync(actor.UserName, Actions.Unsnoozed, Describe(rule, await OwnerNameAsync(db, rule.UserId, cancellationToken)), address, cancellationToken);
    }

    /// <summary>Deletes a rule with its firings: by its owner or an admin, or through the unsubscribe link (<paramref name="actor"/> null, which also withdraws the address).</summary>
    public async Task<bool> DeleteAsync(UserAccount? actor, long id, string? address = null, CancellationToken cancellationToken = default)
    {
        var rule = actor is null ? await FindAsync(id, cancellationToken) : await OwnAsync(actor, id, cancellationToken);
        if (rule is null)
        {
            return false;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await StoreBusy.WriteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Set<AlertFiring>().Where(f => f.RuleId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<AlertRule>().Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, Refused);
        var owner = await OwnerNameAsync(db, rule.UserId, cancellationToken);
        await audit.RecordAsync(actor?.UserName ?? owner, Actions.Deleted, Describe(rule, owner) + (actor is null ? " through the link in the e-mail" : ""), address, cancellationToken);
        if (actor is null)
        {
            // The address's owner said stop: this user's next use of it needs a new confirmation.
            await addresses.WithdrawAsync(rule.UserId, rule.Email, address, cancellationToken);
        }
        return true;
    }

    /// <summary>The newest firings first, of one user's rules or everyone's.</summary>
    public async Task<IReadOnlyList<AlertFiringView>> FiringsAsync(long? userId, int take = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = from f in db.Set<AlertFiring>()
                    join r in db.Set<AlertRule>() on f.RuleId equals r.Id
                    join u in db.Users on r.UserId equals u.Id
                    where userId == null || r.UserId == userId
                    orderby f.Id descending
                    select new AlertFiringView(f, r.Name, u.UserName, r.Email);
        return await query.Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>An admin asks for a failed (or waiting) alert mail to be tried again at once.</summary>
    public async Task RetryAsync(UserAccount actor, long firingId, string? address = null, CancellationToken cancellationToken = default)
    {
        if (!actor.Can(Role.Admin))
        {
            throw new AlertRefusedException("id", "Only an admin can retry a send.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = 0;
        await StoreBusy.WriteAsync(async () => changed = await db.Set<AlertFiring>()
            .Where(f => f.Id == firingId && (f.State == Digests.DigestSendState.Failed || f.State == Digests.DigestSendState.Pending))
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.State, Digests.DigestSendState.Pending).SetProperty(f => f.NextAttemptAt, clock.GetUtcNow()), cancellationToken), Refused);
        if (changed == 0)
        {
            throw new AlertRefusedException("id", "That alert is being sent or was sent already.");
        }
        await audit.RecordAsync(actor.UserName, Actions.Retried, $"firing {firingId}", address, cancellationToken);
    }

    private static async Task<string> OwnerNameAsync(DashboardDbContext db, long userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken) ?? "?";

    private static AlertRefusedException Refused(string message) => new("store", message);

    public static string Describe(AlertRule r, string owner) =>
        $"{owner}: '{r.Name}' <{r.Email}>, {AlertText.Condition(r)}, {(r.Filter.Length > 0 ? r.Filter : "all orders")}";
}
