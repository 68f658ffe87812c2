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
        logger.LogInformation("Audit: {User} {Action} {Detail} from {Address}", userName ?? "(system)", action, detail, address);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntry { At = clock.GetUtcNow(), UserName = userName, Action = action, Detail = detail, Address = address });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The newest entries first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int take = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditLog.OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);
    }
}
