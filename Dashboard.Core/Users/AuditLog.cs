using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Users;

/// <summary>
/// The audit log: sign-ins (and failed ones, and lockouts), sign-outs, password and user changes, uploads, undos and
/// retrains, each with who, when and from where. Written to the database and to the application log.
/// </summary>
public sealed class AuditLog(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock, ILogger<AuditLog> logger)
{
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
    }

    public async Task RecordAsync(string? userName, string action, string? detail = null, string? address = null,
        CancellationToken cancellationToken = default)
    {
        // Anyone can type a user name at sign-in: what is kept and shown is bounded (issue 12).
        userName = TextLimits.Shorten(userName, TextLimits.UserName);
        detail = TextLimits.Shorten(detail, TextLimits.Message);
        address = TextLimits.Shorten(address, TextLimits.Short);
        logger.LogInformation("Audit: {User} {Action} {Detail} from {Address}", userName ?? "(system)", action, detail, address);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntry { At = clock.GetUtcNow(), UserName = userName, Action = action, Detail = detail, Address = address });
        await db.SaveChangesAsync(cancellationToken);
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
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.AuditLog.CountAsync(cancellationToken);
        var entries = await Bounded(db.AuditLog.OrderByDescending(e => e.Id).Skip(skip).Take(take)).ToListAsync(cancellationToken);
        return new AuditPage(entries, total, skip, take);
    }

    /// <summary>The newest entries first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int take = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Bounded(db.AuditLog.OrderByDescending(e => e.Id).Take(Math.Clamp(take, 1, MaxPageSize))).ToListAsync(cancellationToken);
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
