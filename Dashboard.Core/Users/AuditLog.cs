using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Users;

/// <summary>
/// The audit log: sign-ins (and failed ones, and lockouts), sign-outs, password and user changes, uploads, undos and
/// retrains, each with who, when and from where. Written to the database and to the application log.
/// </summary>
/// <remarks>
/// An entry is never lost to a busy store (decisions 0011 and 0015): entries go through one writer, in order, which
/// retries while another writer (an import) holds the store's write lock. <see cref="RecordAsync"/> waits for its entry
/// to be written for at most <see cref="WaitForWrite"/>, then returns and leaves it to the writer, so that a sign-in or an
/// upload never waits for an import and never fails because of one. <see cref="FlushAsync"/> at shut-down writes what is
/// still queued. An entry is stored with what the store cannot hold as text replaced (U+0000, half a surrogate pair); one
/// the store refuses all the same is set aside in the application log, and the entries after it are stored (decision 0017).
/// </remarks>
public sealed class AuditLog(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock, ILogger<AuditLog> logger)
{
    /// <summary>How long <see cref="RecordAsync"/> waits for its entry to be stored before it returns anyway.</summary>
    public static readonly TimeSpan WaitForWrite = TimeSpan.FromSeconds(1);

    /// <summary>How long a reader (<see cref="PageAsync"/>, <see cref="RecentAsync"/>) waits for the entries recorded before it
    /// to be stored, so that the page shows what was just done unless the store is busy.</summary>
    public static readonly TimeSpan ReadWaitsForWriter = TimeSpan.FromSeconds(3);

    /// <summary>How long one attempt to write waits for the store's write lock before the writer tries again.</summary>
    private const int AttemptSeconds = 1;

    private readonly System.Threading.Channels.Channel<Pending> _queue =
        System.Threading.Channels.Channel.CreateUnbounded<Pending>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private Task? _writer;
    private int _queued;
    private Pending? _last;

    /// <summary>Entries recorded and not yet stored.</summary>
    public int Queued => Volatile.Read(ref _queued);

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource Stored);

    public static class Actions
    {
        public const string SignIn = "sign-in";
        public const string SignInFailed = "sign-in failed";
        public const string LockedOut = "locked out";
        public const string SignOut = "sign-out";
        public const string PasswordChanged = "password changed";
        public const string PasswordReset = "password reset";
        public const string UserCreated = "user created";
        public const string RoleChanged = "role changed";
        public const string UserDisabled = "user disabled";
        public const string UserEnabled = "user enabled";
        public const string Upload = "upload";
        public const string Undo = "undo";
        public const string Cancel = "cancel";
        public const string Retrain = "retrain";
        public const string EventAdded = "event added";
        public const string EventDeleted = "event deleted";
    }

    public async Task RecordAsync(string? userName, string action, string? detail = null, string? address = null,
        CancellationToken cancellationToken = default)
    {
        // Anyone can type a user name at sign-in: what is kept and shown is bounded (decision 0015).
        userName = TextLimits.Shorten(userName, TextLimits.UserName);
        detail = TextLimits.Shorten(detail, TextLimits.Message);
        address = TextLimits.Shorten(address, TextLimits.Short);
        logger.LogInformation("Audit: {User} {Action} {Detail} from {Address}", userName ?? "(system)", action, detail, address);
        var pending = new Pending(new AuditEntry { At = clock.GetUtcNow(), UserName = userName, Action = action, Detail = detail, Address = address },
            new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var ahead = Interlocked.Increment(ref _queued) - 1;
        lock (_lock)
        {
            // the channel's order and the last entry readers wait for stay the same
            _queue.Writer.TryWrite(pending);
            _last = pending;
        }
        EnsureWriter();
        if (ahead > 0)
        {
            return; // entries are already waiting for a busy store: this one is written after them, without holding up its caller
        }
        try
        {
            // The caller's cancellation does not withdraw the entry: it stays queued and is written.
            await pending.Stored.Task.WaitAsync(WaitForWrite, cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.LogInformation("Audit entry {Action} queued: the store is busy (an import?); it is written when the store is free", action);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Waits until every entry recorded so far is stored, for at most <paramref name="timeout"/>; false if some are not.</summary>
    public async Task<bool> FlushAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Queued > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        if (Queued > 0)
        {
            logger.LogError("{Count} audit entries could not be stored before shut-down; they are in the application log", Queued);
        }
        return Queued == 0;
    }

    private void EnsureWriter()
    {
        if (_writer is not null)
        {
            return;
        }
        lock (_lock)
        {
            _writer ??= Task.Run(WriteAsync);
        }
    }

    /// <summary>The one writer: stores entries in order, as many as are waiting at once, retrying while the store is busy.</summary>
    private async Task WriteAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < 500 && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            if (!await StoreAsync(batch))
            {
                // One of them is refused: each on its own, so that the one the store refuses is set aside and no other waits for it.
                foreach (var pending in batch)
                {
                    if (!await StoreAsync([pending]))
                    {
                        logger.LogError("Audit entry set aside: the store refuses it. {At:O} {User} {Action} {Detail} from {Address}",
                            pending.Entry.At, pending.Entry.UserName ?? "(system)", pending.Entry.Action, pending.Entry.Detail, pending.Entry.Address);
                    }
                }
            }
            foreach (var pending in batch)
            {
                Interlocked.Decrement(ref _queued);
                pending.Stored.TrySetResult();
            }
            batch.Clear();
        }
    }

    /// <summary>
    /// Stores the entries in one transaction, trying again while the store is busy or unreachable; false when the store
    /// refuses one of them (decision 0017), which no retry changes.
    /// </summary>
    private async Task<bool> StoreAsync(IReadOnlyList<Pending> entries)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync();
                db.Database.SetCommandTimeout(AttemptSeconds);
                foreach (var pending in entries)
                {
                    pending.Entry.Id = 0;
                    db.AuditLog.Add(pending.Entry);
                }
                await db.SaveChangesAsync();
                return true;
            }
            catch (Exception e) when (Refused(e))
            {
                logger.LogWarning(e, "The store refuses {Count} audit entries", entries.Count);
                return false;
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
            {
                // Busy (an import holds the write lock) or out of reach: never drop an entry, try again.
                if (attempt % 30 == 1)
                {
                    logger.LogWarning(e, "Could not store {Count} audit entries yet (attempt {Attempt}); retrying", entries.Count, attempt);
                }
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * attempt)));
            }
        }
    }

    private static bool Refused(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (DashboardStore.IsRefusedRow(inner))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The largest page <see cref="PageAsync"/> returns.</summary>
    public const int MaxPageSize = 500;

    /// <summary>
    /// One page of the audit log, newest first: <paramref name="take"/> entries (1–500) after skipping
    /// <paramref name="skip"/>, with the total number of entries. Texts are cut to their bounds in the query, so even
    /// entries stored before the bounds existed cannot make a page large.
    /// </summary>
    public async Task<AuditPage> PageAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxPageSize);
        await CaughtUpAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.AuditLog.CountAsync(cancellationToken);
        var entries = await Bounded(db.AuditLog.OrderByDescending(e => e.Id).Skip(skip).Take(take)).ToListAsync(cancellationToken);
        return new AuditPage(entries, total, skip, take);
    }

    /// <summary>The newest entries first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int take = 200, CancellationToken cancellationToken = default)
    {
        await CaughtUpAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Bounded(db.AuditLog.OrderByDescending(e => e.Id).Take(Math.Clamp(take, 1, MaxPageSize))).ToListAsync(cancellationToken);
    }

    /// <summary>Waits, for at most <see cref="ReadWaitsForWriter"/>, until the entries recorded before this call are stored. The
    /// writer stores them in order, so the last one stored means all of them are.</summary>
    private async Task CaughtUpAsync(CancellationToken cancellationToken)
    {
        Pending? last;
        lock (_lock)
        {
            last = _last;
        }
        if (last is null || last.Stored.Task.IsCompleted)
        {
            return;
        }
        try
        {
            await last.Stored.Task.WaitAsync(ReadWaitsForWriter, cancellationToken);
        }
        catch (TimeoutException)
        {
            // the store is busy: show what is stored; the rest follows when the writer gets the store
        }
    }

    private static IQueryable<AuditEntry> Bounded(IQueryable<AuditEntry> entries) => entries.Select(e => new AuditEntry
    {
        Id = e.Id,
        At = e.At,
        UserName = e.UserName == null || e.UserName.Length <= TextLimits.UserName ? e.UserName : e.UserName.Substring(0, TextLimits.UserName - 1) + "…",
        Action = e.Action,
        Detail = e.Detail == null || e.Detail.Length <= TextLimits.Message ? e.Detail : e.Detail.Substring(0, TextLimits.Message - 1) + "…",
        Address = e.Address == null || e.Address.Length <= TextLimits.Short ? e.Address : e.Address.Substring(0, TextLimits.Short - 1) + "…",
    });
}

/// <summary>One page of the audit log: the entries, newest first, and how many there are in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Skip, int Take);
