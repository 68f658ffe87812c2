using Dashboard.Core.Data;
using Dashboard.Core.Digests;
using Dashboard.Core.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Alerts;

/// <summary>
/// Checks the rules and sends what fired (docs/decisions/0037-alerts.md). A check judges every rule of an enabled user
/// whose address is confirmed and which is not snoozed, for the periods a committed import or undo touched, or, once a day and
/// from <c>check-alerts</c>, for the data's last two weeks and the "no new data" rules. Each hit is written as an
/// <see cref="AlertFiring"/> first: the row is unique per rule and period, so of two checks (a re-import, a second instance)
/// only the one whose insert succeeds has a firing. Its mail is then claimed and sent as a digest's is, and retried after 1,
/// 5, 15, 60 and 240 minutes (<see cref="DigestScheduler.Backoff"/>).
/// </summary>
public sealed class AlertChecker(
    IDbContextFactory<DashboardDbContext> contexts, AlertEvaluator evaluator, AlertDelivery delivery, IOptions<MailOptions> mailSettings,
    TimeProvider clock, ILogger<AlertChecker> logger)
{
    /// <summary>The days a check without a batch (daily, or the verb) looks back over.</summary>
    public const int RecentDays = 14;

    private readonly MailOptions _options = mailSettings.Value;

    /// <summary>
    /// Judges the rules for <paramref name="touched"/> (null: the data's last <see cref="RecentDays"/> days and the "no new data"
    /// rules); unless <paramref name="dryRun"/>, records the new firings and sends what is due.
    /// </summary>
    public async Task<AlertCheckResult> CheckAsync(DateRange? touched, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var rules = await ActiveRulesAsync(cancellationToken);
        if (rules.Count == 0)
        {
            return new AlertCheckResult([], 0, dryRun ? 0 : await SendDueAsync(cancellationToken));
        }
        var range = touched ?? await evaluator.LastDaysAsync(RecentDays, cancellationToken);
        var hits = new List<AlertHit>();
        var shared = new AlertMeasures(); // rules of one filter and grain read the lines once
        foreach (var rule in rules)
        {
            if (rule.Condition == AlertCondition.NoNewData ? touched is null : range is not null)
            {
                hits.AddRange(await evaluator.EvaluateAsync(rule, range ?? new DateRange(DateOnly.MinValue, DateOnly.MinValue), cancellationToken, shared));
            }
        }
        if (dryRun)
        {
            return new AlertCheckResult(hits, 0, 0);
        }
        var fired = 0;
        foreach (var hit in hits)
        {
            if (await FireAsync(hit, cancellationToken))
            {
                fired++;
            }
        }
        return new AlertCheckResult(hits, fired, await SendDueAsync(cancellationToken));
    }

    /// <summary>The rules a check judges: of enabled users, to confirmed addresses (docs/decisions/0019-mail-confirmed-addresses.md), not snoozed.</summary>
    private async Task<List<AlertRule>> ActiveRulesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rules = await (from r in db.Set<AlertRule>()
                           join u in db.Users on r.UserId equals u.Id
                           where !u.IsDisabled
                                 && db.Set<Mail.MailRecipient>().Any(m => m.UserId == r.UserId && m.Address == r.Email && m.ConfirmedAt != null)
                           orderby r.Id
                           select r).ToListAsync(cancellationToken);
        // DateTimeOffset comparisons are not translated for SQLite: the rules are few, so snoozes are judged here.
        return [.. rules.Where(r => r.SnoozedUntil is not { } until || until <= now)];
    }

    /// <summary>Writes the firing; false when the rule has fired for that period already (here, in another process, or before an undo).</summary>
    private async Task<bool> FireAsync(AlertHit hit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.Set<AlertFiring>().Add(new AlertFiring
            {
                RuleId = hit.Rule.Id, Period = hit.Start, FiredAt = now, Value = hit.Value, Compared = hit.Compared, Low = hit.Low, High = hit.High,
                State = DigestSendState.Pending, NextAttemptAt = now,
            });
            await StoreBusy.WriteAsync(() => db.SaveChangesAsync(cancellationToken), m => new AlertRefusedException("store", m));
            logger.LogInformation("Alert {Rule} fired for {Period}: {Value}", hit.Rule.Id, hit.Start, hit.Value);
            return true;
        }
        catch (DbUpdateException e) when (Sql.IsUniqueViolation(e))
        {
            return false; // fired for this period already, or the rule was just deleted
        }
    }

    /// <summary>Claims and sends the firings whose mail is due (and claims a dead process left); returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        if (!_options.IsConfigured)
        {
            return 0;
        }
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var open = await db.Set<AlertFiring>().Where(f => f.State == DigestSendState.Pending || f.State == DigestSendState.Sending).ToListAsync(cancellationToken);
            due = [.. open.Where(f => f.IsDue(now))
                .OrderBy(f => f.Id).Select(f => f.Id)];
        }
        var sent = 0;
        foreach (var id in due)
        {
            if (await SendOneAsync(id, cancellationToken))
            {
                sent++;
            }
        }
        return sent;
    }

    private async Task<bool> SendOneAsync(long id, CancellationToken cancellationToken)
    {
        AlertFiring firing;
        AlertRule? rule;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            firing = await db.Set<AlertFiring>().FirstAsync(f => f.Id == id, cancellationToken);
            if (!firing.IsDue(clock.GetUtcNow()))
            {
                return false; // sent (or claimed) by another pass since the list was read
            }
            // The claim: only one pass (of this process or another) moves the row from what it read to Sending.
            var claimed = await db.Set<AlertFiring>()
                .Where(f => f.Id == id && f.State == firing.State && f.Attempts == firing.Attempts)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.State, DigestSendState.Sending).SetProperty(f => f.ClaimedAt, clock.GetUtcNow())
                    .SetProperty(f => f.Attempts, firing.Attempts + 1), cancellationToken);
            if (claimed == 0)
            {
                return false;
            }
            rule = await db.Set<AlertRule>().FirstOrDefaultAsync(r => r.Id == firing.RuleId, cancellationToken);
        }
        if (rule is null)
        {
            return false;
        }
        var attempts = firing.Attempts + 1;
        try
        {
            await delivery.SendAsync(rule, firing, cancellationToken);
            await UpdateAsync(id, DigestSendState.Sent, null, null, clock.GetUtcNow(), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var giveUp = attempts >= DigestScheduler.MaxAttempts;
            var next = giveUp ? (DateTimeOffset?)null : clock.GetUtcNow() + DigestScheduler.Backoff[attempts - 1];
            logger.LogWarning(e, "Sending alert {Rule} for {Period} to {Email} failed (attempt {Attempt} of {Max})",
                rule.Id, firing.Period, rule.Email, attempts, DigestScheduler.MaxAttempts);
            await UpdateAsync(id, giveUp ? DigestSendState.Failed : DigestSendState.Pending, next, e.Message, null, CancellationToken.None);
            return false;
        }
    }

    private async Task UpdateAsync(long id, DigestSendState state, DateTimeOffset? next, string? error, DateTimeOffset? sentAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<AlertFiring>().Where(f => f.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(f => f.State, state).SetProperty(f => f.NextAttemptAt, next)
            .SetProperty(f => f.LastError, Data.TextLimits.Shorten(error, Data.TextLimits.Message)).SetProperty(f => f.SentAt, sentAt), cancellationToken);
    }
}
