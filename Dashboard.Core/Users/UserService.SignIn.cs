using System.Security.Cryptography;
using Dashboard.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Users;

/// <summary>Sign-in: the password checked, failures counted to a lockout, and every attempt audited (decision 0008).</summary>
public sealed partial class UserService
{
    /// <summary>A hash to verify against when the user name is unknown, so that the answer takes as long either way.</summary>
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(
        new User { UserName = "", PasswordHash = "", SecurityStamp = "" }, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    /// <summary>Until when (Environment.TickCount64) a sign-in skips writing "last signed in": the store was busy.</summary>
    private long _skipBookkeepingUntil;

    public async Task<SignInResult> SignInAsync(string userName, string password, string? address, CancellationToken cancellationToken = default)
    {
        var result = await CheckSignInAsync(userName, password, address, cancellationToken);
        Telemetry.DashboardTelemetry.SignIns.Add(1, new KeyValuePair<string, object?>("outcome", Telemetry.DashboardTelemetry.Tag(result.Outcome.ToString())));
        return result;
    }

    private async Task<SignInResult> CheckSignInAsync(string userName, string password, string? address, CancellationToken cancellationToken)
    {
        var name = userName.Trim();
        var seen = await VerifyOutsideTheLockAsync(name, password, cancellationToken);
        if (seen is null)
        {
            await audit.RecordAsync(name, AuditLog.Actions.SignInFailed, "unknown user name", address, cancellationToken);
            return new SignInResult(SignInOutcome.WrongCredentials);
        }

        // Audit entries are recorded after the lock is released: a sign-in must not hold the others up while its entry is stored.
        var audits = new List<(string? User, string Action, string? Detail)>();
        await _writes.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await FindByNameAsync(db, name, cancellationToken) is not { } user)
            {
                audits.Add((name, AuditLog.Actions.SignInFailed, "unknown user name"));
                return new SignInResult(SignInOutcome.WrongCredentials);
            }
            return await SignInAsAsync(db, user, password, seen.Value, audits, cancellationToken);
        }
        finally
        {
            _writes.Release();
            foreach (var (user, action, detail) in audits)
            {
                await audit.RecordAsync(user, action, detail, address, CancellationToken.None);
            }
        }
    }

    /// <summary>A stored hash and the password's verdict against it, reused under the lock while the hash is unchanged.</summary>
    private readonly record struct Verified(string Hash, PasswordVerificationResult Verdict)
    {
        public PasswordVerificationResult Of(User user, string password) =>
            user.PasswordHash == Hash ? Verdict : Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
    }

    /// <summary>
    /// The expensive part, the hash (PBKDF2), computed before the lock that serialises the account writes, so that
    /// sign-ins run side by side (30 at once queued for seconds behind each other's hashes); the stored hash is compared
    /// again under the lock. Null for an unknown name, after the same work against a dummy hash. No user name is longer
    /// than the limit: a longer one is not looked up.
    /// </summary>
    private async Task<Verified?> VerifyOutsideTheLockAsync(string name, string password, CancellationToken cancellationToken)
    {
        string? hash = null;
        if (name.Length <= TextLimits.UserName)
        {
            await using var read = await contexts.CreateDbContextAsync(cancellationToken);
            hash = await read.Users.Where(u => u.UserName == name).Select(u => u.PasswordHash).FirstOrDefaultAsync(cancellationToken);
        }
        if (hash is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash.Value, password);
            return null;
        }
        return new Verified(hash, Hasher.VerifyHashedPassword(null!, hash, password));
    }

    /// <summary>The sign-in of a known user, under the write lock: locked, wrong password, disabled, or in.</summary>
    private async Task<SignInResult> SignInAsAsync(DashboardDbContext db, User user, string password, Verified seen,
        List<(string? User, string Action, string? Detail)> audits, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (user.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            // The same work and the same answer as a wrong password, unless the password is right: a locked account
            // must not tell a guesser that the name exists, nor that it is locked.
            var right = seen.Of(user, password) != PasswordVerificationResult.Failed;
            audits.Add((user.UserName, AuditLog.Actions.SignInFailed,
                right ? "account locked (right password)" : "account locked (wrong password)"));
            return right ? new SignInResult(SignInOutcome.LockedOut, LockedUntil: lockedUntil) : new SignInResult(SignInOutcome.WrongCredentials);
        }
        var verdict = seen.Of(user, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            await CountWrongPasswordAsync(db, user, now, audits, cancellationToken);
            return new SignInResult(SignInOutcome.WrongCredentials);
        }
        if (user.IsDisabled)
        {
            audits.Add((user.UserName, AuditLog.Actions.SignInFailed, "account disabled"));
            return new SignInResult(SignInOutcome.Disabled);
        }
        await RecordSignInAsync(db, user, password, verdict, now, cancellationToken);
        audits.Add((user.UserName, AuditLog.Actions.SignIn, null));
        return new SignInResult(SignInOutcome.Success, UserAccount.From(user));
    }

    /// <summary>
    /// One more wrong password; the one that reaches the limit locks the account, and still answers "wrong credentials":
    /// only the right password learns of the lock.
    /// </summary>
    private async Task CountWrongPasswordAsync(DashboardDbContext db, User user, DateTimeOffset now,
        List<(string? User, string Action, string? Detail)> audits, CancellationToken cancellationToken)
    {
        user.FailedSignIns++;
        var locks = user.FailedSignIns >= _options.MaxFailedAttempts;
        if (locks)
        {
            user.LockedUntil = now + _options.LockoutDuration;
            user.FailedSignIns = 0;
        }
        await SaveAsync(db, cancellationToken);
        audits.Add((user.UserName, AuditLog.Actions.SignInFailed, "wrong password"));
        if (locks)
        {
            audits.Add((user.UserName, AuditLog.Actions.LockedOut,
                $"{_options.MaxFailedAttempts} wrong passwords in a row; locked for {_options.LockoutDuration.TotalMinutes:0} minutes"));
        }
    }

    /// <summary>
    /// A right password: the failures forgotten, the hash renewed if the framework asks, and "last signed in" written.
    /// When only that time changes, it must not make a sign-in wait for an import's write lock: if the store is busy for a
    /// second, it is skipped (for 5 s), and the audit entry (queued, never lost) has the time.
    /// </summary>
    private async Task RecordSignInAsync(DashboardDbContext db, User user, string password, PasswordVerificationResult verdict,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded;
        if (rehash)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
        }
        var bookkeepingOnly = user.FailedSignIns == 0 && user.LockedUntil is null && !rehash;
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        user.LastSignInAt = now;
        if (!bookkeepingOnly)
        {
            await SaveAsync(db, cancellationToken);
            return;
        }
        if (Environment.TickCount64 < Volatile.Read(ref _skipBookkeepingUntil))
        {
            return; // the store was busy a moment ago (an import): do not wait for it again
        }
        db.Database.SetCommandTimeout(1);
        try
        {
            await SaveAsync(db, cancellationToken);
        }
        catch (UserChangeRefusedException)
        {
            Volatile.Write(ref _skipBookkeepingUntil, Environment.TickCount64 + 5_000);
        }
    }
}
