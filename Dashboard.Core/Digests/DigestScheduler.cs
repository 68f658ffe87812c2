using Dashboard.Core.Weekly;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Digests;

/// <summary>
/// Sends each subscription's digest once per week, to confirmed addresses only. A pass (<see cref="RunDueAsync"/>, every half minute from the web app's
/// hosted service) first writes a <see cref="DigestSend"/> row for every digest whose moment has come (unique per
/// subscription and reviewed week, so a second pass, a restart or a second instance finds it there), then claims and
/// sends the rows that are due. A failed send is tried again after 1, 5, 15, 60 and 240 minutes, then marked failed.
/// A claim left by a process that died while sending is taken over after <see cref="StaleClaim"/>.
/// </summary>
/// <remarks>
/// Only the latest moment of each subscription is caught up: a server that was down for three weeks sends last Monday's
/// digest late, not the three it missed. A moment before the subscription was made is not sent.
/// </remarks>
public sealed class DigestScheduler(
    IDbContextFactory<DashboardDbContext> contexts, DigestDelivery delivery, WeeklyReviewQuery query, IOptions<MailOptions> mailSettings,
    TimeProvider clock, ILogger<DigestScheduler> logger)
{
    private readonly MailOptions _options = mailSettings.Value;

    public static readonly TimeSpan[] Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4)];

    /// <summary>Longer than a send can take (the SMTP client gives up after a minute per step).</summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(5);

    public static int MaxAttempts => Backoff.Length + 1;

    /// <summary>Writes the rows of digests that fell due and sends what is due; returns how many were sent.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        if (!_options.IsConfigured)
        {
            return 0;
        }
        await RecordDueAsync(cancellationToken);
        var sent = 0;
        foreach (var id in await DueSendsAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await SendOneAsync(id, cancellationToken))
            {
                sent++;
            }
        }
        return sent;
    }

    private async Task RecordDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<DigestSubscription> subscriptions;
        HashSet<(long, DateOnly)> existing;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // A disabled user gets no more digests (their subscriptions are kept, for when they are enabled again), and an
            // address gets none before it is confirmed (docs/decisions/0019-mail-confirmed-addresses.md).
            subscriptions = await (from s in db.DigestSubscriptions
                                   join u in db.Users on s.UserId equals u.Id
                                   where !u.IsDisabled
                                         && db.Set<Mail.MailRecipient>().Any(r => r.UserId == s.UserId && r.Address == s.Email && r.ConfirmedAt != null)
                                   select s).ToListAsync(cancellationToken);
            var recent = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-21);
            existing = (await db.DigestSends.Where(s => s.Week >= recent).Select(s => new { s.SubscriptionId, s.Week }).ToListAsync(cancellationToken))
                .Select(s => (s.SubscriptionId, s.Week)).ToHashSet();
        }
        foreach (var subscription in subscriptions)
        {
            if (DigestSchedule.FindZone(subscription.TimeZone) is not { } zone)
            {
                logger.LogWarning("Digest subscription {Id} names the time zone {Zone}, which this server does not know; it is not sent.", subscription.Id, subscription.TimeZone);
                continue;
            }
            var occurrence = DigestSchedule.Latest(subscription.Day, subscription.Hour, zone, now);
            if (occurrence.At < subscription.CreatedAt)
            {
                continue;
            }
            var week = DigestSchedule.ReviewedWeek(occurrence.LocalDate, query.WeekStartsOn);
            if (existing.Contains((subscription.Id, week)))
            {
                continue;
            }
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                db.DigestSends.Add(new DigestSend
                {
                    SubscriptionId = subscription.Id, Week = week, DueAt = occurrence.At, State = DigestSendState.Pending, NextAttemptAt = occurrence.At,
                });
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (Sql.IsUniqueViolation(e))
            {
                // Another instance wrote it first (unique subscription and week), or the subscription was just deleted.
            }
        }
    }

    /// <summary>Pending rows whose time has come, and claims that a dead process left behind.</summary>
    private async Task<List<long>> DueSendsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // DateTimeOffset comparisons are not translated for SQLite: the open rows are few, so they are filtered here.
        var open = await db.DigestSends.Where(s => s.State == DigestSendState.Pending || s.State == DigestSendState.Sending).ToListAsync(cancellationToken);
        return open
            .Where(s => s.IsDue(now))
            .OrderBy(s => s.DueAt)
            .Select(s => s.Id)
            .ToList();
    }

    private async Task<bool> SendOneAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DigestSend send;
        DigestSubscription? subscription;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            send = await db.DigestSends.FirstAsync(s => s.Id == id, cancellationToken);
            if (!send.IsDue(now))
            {
                return false; // sent (or claimed) by another pass since the list was read
            }
            // The claim: only one pass (of this process or another) moves the row from what it read to Sending.
            var claimed = await db.DigestSends
                .Where(s => s.Id == id && s.State == send.State && s.Attempts == send.Attempts)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.State, DigestSendState.Sending)
                    .SetProperty(s => s.ClaimedAt, now)
                    .SetProperty(s => s.Attempts, send.Attempts + 1), cancellationToken);
            if (claimed == 0)
            {
                return false;
            }
            subscription = await db.DigestSubscriptions.FirstOrDefaultAsync(s => s.Id == send.SubscriptionId, cancellationToken);
        }
        var attempts = send.Attempts + 1;
        if (subscription is null)
        {
            return false;
        }
        try
        {
            await delivery.SendAsync(subscription, send.Week, isTest: false, cancellationToken);
            await UpdateAsync(id, DigestSendState.Sent, null, null, sentAt: clock.GetUtcNow(), cancellationToken);
            logger.LogInformation("Sent the weekly digest of {Week} to {Email} (subscription {Id}).", send.Week, subscription.Email, subscription.Id);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var giveUp = attempts >= MaxAttempts;
            var next = giveUp ? (DateTimeOffset?)null : clock.GetUtcNow() + Backoff[attempts - 1];
            logger.LogWarning(e, "Sending the weekly digest of {Week} to {Email} failed (attempt {Attempt} of {Max}){Next}.",
                send.Week, subscription.Email, attempts, MaxAttempts, giveUp ? "; giving up" : $"; next attempt at {next:u}");
            await UpdateAsync(id, giveUp ? DigestSendState.Failed : DigestSendState.Pending, next, e.Message, null, CancellationToken.None);
            return false;
        }
    }

    private async Task UpdateAsync(long id, DigestSendState state, DateTimeOffset? next, string? error, DateTimeOffset? sentAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.DigestSends.Where(s => s.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.State, state)
            .SetProperty(s => s.NextAttemptAt, next)
            .SetProperty(s => s.LastError, error)
            .SetProperty(s => s.SentAt, sentAt), cancellationToken);
    }
}
