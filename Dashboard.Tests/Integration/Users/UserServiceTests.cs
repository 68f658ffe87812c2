using Dashboard.Core.Data;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Integration.Users;

/// <summary>The users on a real store (SQLite and PostgreSQL): hashing, lockout, the rules an admin's changes obey, and the audit log.</summary>
public abstract class UserServiceTests : StoreTest, IDisposable
{
    private readonly TempDatabase _db;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly UserService _users;
    private readonly AuditLog _audit;

    protected UserServiceTests(StoreProvider provider) : base(provider)
    {
        _db = NewDatabase();
        var contexts = _db.Contexts();
        _audit = new AuditLog(contexts, _clock, NullLogger<AuditLog>.Instance);
        _users = new UserService(contexts, Microsoft.Extensions.Options.Options.Create(new AuthOptions { MaxFailedAttempts = 3, LockoutMinutes = 10 }), _audit, _clock);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task APasswordIsStoredOnlyAsAHashThatVerifies()
    {
        await _users.CreateAsync("ana", "correct horse", Role.Analyst, actor: "admin");

        using var db = _db.Context();
        var stored = await db.Users.SingleAsync();
        Assert.DoesNotContain("correct horse", stored.PasswordHash);
        Assert.StartsWith("AQAAAA", stored.PasswordHash); // PasswordHasher v3: PBKDF2 with a salt
        Assert.Equal(SignInOutcome.Success, (await _users.SignInAsync("ana", "correct horse", "127.0.0.1")).Outcome);
        Assert.Equal(SignInOutcome.WrongCredentials, (await _users.SignInAsync("ana", "correct horsE", "127.0.0.1")).Outcome);
    }

    [Fact]
    public async Task UserNamesAreUniqueWhateverTheirCaseAndSignInIgnoresCase()
    {
        await _users.CreateAsync("Ana", "password-1", Role.Viewer, actor: "admin");

        var refused = await Assert.ThrowsAsync<UserChangeRefusedException>(() => _users.CreateAsync("ANA", "password-2", Role.Viewer, actor: "admin"));
        Assert.Contains("already", refused.Message);
        Assert.Equal(SignInOutcome.Success, (await _users.SignInAsync("ana", "password-1", null)).Outcome);
    }

    [Theory]
    [InlineData("x", "long enough 1", "2 to 64 characters")]
    [InlineData("ana smith", "long enough 1", "2 to 64 characters")]
    [InlineData("ana", "short", "at least 8 characters")]
    [InlineData("analyst01", "ANALYST01", "must not be the user name")]
    public async Task BadNamesAndPasswordsAreRefusedWithAReason(string name, string password, string reason)
    {
        var refused = await Assert.ThrowsAsync<UserChangeRefusedException>(() => _users.CreateAsync(name, password, Role.Viewer, actor: "admin"));

        Assert.Contains(reason, refused.Message);
        Assert.Empty(await _users.ListAsync());
    }

    [Fact]
    public async Task WrongPasswordsLockTheAccountForTheConfiguredTimeAndTheRightOneDoesNotOpenItEarly()
    {
        await _users.CreateAsync("ana", "password-1", Role.Viewer, actor: "admin");

        Assert.Equal(SignInOutcome.WrongCredentials, (await _users.SignInAsync("ana", "nope-1", null)).Outcome);
        Assert.Equal(SignInOutcome.WrongCredentials, (await _users.SignInAsync("ana", "nope-2", null)).Outcome);
        var third = await _users.SignInAsync("ana", "nope-3", null);
        Assert.Equal(SignInOutcome.WrongCredentials, third.Outcome); // decision 0015: the lock shows only to the right password

        _clock.Advance(TimeSpan.FromMinutes(9));
        var right = await _users.SignInAsync("ana", "password-1", null);
        Assert.Equal(SignInOutcome.LockedOut, right.Outcome);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(1), right.LockedUntil);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(SignInOutcome.Success, (await _users.SignInAsync("ana", "password-1", null)).Outcome);

        var actions = (await _audit.RecentAsync()).Select(e => e.Action).ToList();
        Assert.Contains(AuditLog.Actions.LockedOut, actions);
        Assert.Equal(4, actions.Count(a => a == AuditLog.Actions.SignInFailed));
    }

    [Fact]
    public async Task ASuccessfulSignInStartsTheCountOfWrongPasswordsAgain()
    {
        await _users.CreateAsync("ana", "password-1", Role.Viewer, actor: "admin");

        await _users.SignInAsync("ana", "nope-1", null);
        await _users.SignInAsync("ana", "nope-2", null);
        await _users.SignInAsync("ana", "password-1", null);

        Assert.Equal(SignInOutcome.WrongCredentials, (await _users.SignInAsync("ana", "nope-3", null)).Outcome);
    }

    [Fact]
    public async Task AResetPasswordUnlocksTheAccountAndChangesTheStamp()
    {
        var ana = await _users.CreateAsync("ana", "password-1", Role.Viewer, actor: "admin");
        for (var i = 0; i < 3; i++)
        {
            await _users.SignInAsync("ana", "nope", null);
        }

        var reset = await _users.ResetPasswordAsync(ana.Id, "password-2", actor: "admin");

        Assert.NotEqual(ana.SecurityStamp, reset.SecurityStamp);
        Assert.Equal(SignInOutcome.Success, (await _users.SignInAsync("ana", "password-2", null)).Outcome);
        Assert.Equal(SignInOutcome.WrongCredentials, (await _users.SignInAsync("ana", "password-1", null)).Outcome);
    }

    [Fact]
    public async Task ADisabledUserCannotSignInAndIsToldSoOnlyWithTheRightPassword()
    {
        var ana = await _users.CreateAsync("ana", "password-1", Role.Viewer, actor: "admin");
        await _users.SetDisabledAsync(ana.Id, true, actor: "admin");

        Assert.Equal(SignInOutcome.Disabled, (await _users.SignInAsync("ana", "password-1", null)).Outcome);
        Assert.Equal(SignInOutcome.WrongCredentials, (await _users.SignInAsync("ana", "guess-what", null)).Outcome);
        Assert.True((await _users.FindAsync(ana.Id))!.IsDisabled);
    }

    [Fact]
    public async Task TheOnlyActiveAdminCanBeNeitherDisabledNorDemoted()
    {
        var boss = await _users.CreateAsync("boss", "password-1", Role.Admin, actor: null);

        await Assert.ThrowsAsync<UserChangeRefusedException>(() => _users.SetDisabledAsync(boss.Id, true, actor: "boss"));
        await Assert.ThrowsAsync<UserChangeRefusedException>(() => _users.SetRoleAsync(boss.Id, Role.Analyst, actor: "boss"));

        await _users.CreateAsync("second", "password-2", Role.Admin, actor: "boss");
        Assert.Equal(Role.Analyst, (await _users.SetRoleAsync(boss.Id, Role.Analyst, actor: "second")).Role);
    }

    [Fact]
    public async Task TheSetupPathCreatesOnlyTheFirstAdmin()
    {
        var first = await _users.CreateFirstAdminAsync("boss", "password-1", "127.0.0.1");

        Assert.Equal(Role.Admin, first.Role);
        await Assert.ThrowsAsync<UserChangeRefusedException>(() => _users.CreateFirstAdminAsync("intruder", "password-2", "10.0.0.9"));
        Assert.Single(await _users.ListAsync());
    }

    [Fact]
    public async Task EveryChangeIsInTheAuditLogWithWhoDidIt()
    {
        var ana = await _users.CreateAsync("ana", "password-1", Role.Viewer, actor: "boss");
        await _users.SetRoleAsync(ana.Id, Role.Analyst, actor: "boss");
        await _users.ChangePasswordAsync(ana.Id, "password-1", "password-9", "127.0.0.1");

        var log = (await _audit.RecentAsync()).Select(e => $"{e.UserName} {e.Action} {e.Detail}").ToList();
        Assert.Equal(
        [
            "ana password changed ana",
            "boss role changed ana: Viewer → Analyst",
            "boss user created ana (Viewer)",
        ], log);
    }

    [Fact]
    public async Task ALockedAccountAnswersAWrongPasswordExactlyAsAnUnlockedOneDoes()
    {
        await _users.CreateAsync("ana", "password-1", Role.Viewer, actor: "admin");
        for (var i = 0; i < 3; i++)
        {
            await _users.SignInAsync("ana", $"nope-{i}", null);
        }

        var whileLocked = await _users.SignInAsync("ana", "still-wrong", null);
        var unknown = await _users.SignInAsync("nobody", "still-wrong", null);

        Assert.Equal(new SignInResult(SignInOutcome.WrongCredentials), whileLocked);
        Assert.Equal(unknown, whileLocked);
        Assert.Equal(SignInOutcome.LockedOut, (await _users.SignInAsync("ana", "password-1", null)).Outcome);
    }

    [Fact]
    public async Task AMegabyteUserNameIsNeitherLookedUpNorStoredWhole()
    {
        var huge = new string('x', 1 << 20);

        var result = await _users.SignInAsync(huge, "whatever-1", "127.0.0.1");

        Assert.Equal(SignInOutcome.WrongCredentials, result.Outcome);
        Assert.True(_db.Scalar("SELECT MAX(LENGTH(user_name)) FROM audit_log") <= Dashboard.Core.Data.TextLimits.UserName);
        Assert.EndsWith("…", (await _audit.RecentAsync()).First().UserName);
    }

    [Fact]
    public async Task EveryAuditTextIsBoundedAndOldUnboundedEntriesAreCutWhenRead()
    {
        await _audit.RecordAsync("admin", AuditLog.Actions.Upload, new string('d', 1 << 20), new string('a', 10_000));
        _db.Scalar($"INSERT INTO audit_log (at, user_name, action, detail, address) VALUES ('2026-11-28 09:00:00+00:00', '{new string('u', 100_000)}', 'sign-in failed', '{new string('d', 100_000)}', NULL); SELECT 1;");

        Assert.True(_db.Scalar("SELECT MIN(LENGTH(detail)) FROM audit_log") <= Dashboard.Core.Data.TextLimits.Message);
        var page = await _audit.PageAsync(0, 10);
        Assert.All(page.Entries, e =>
        {
            Assert.True(e.UserName!.Length <= Dashboard.Core.Data.TextLimits.UserName);
            Assert.True(e.Detail!.Length <= Dashboard.Core.Data.TextLimits.Message);
            Assert.True((e.Address ?? "").Length <= Dashboard.Core.Data.TextLimits.Short);
        });
    }

    [Fact]
    public async Task TheAuditLogIsReadAPageAtATimeNewestFirstWithItsTotal()
    {
        for (var i = 0; i < 25; i++)
        {
            await _audit.RecordAsync("admin", AuditLog.Actions.Undo, $"entry {i}");
        }

        var first = await _audit.PageAsync(skip: 0, take: 10);
        var third = await _audit.PageAsync(skip: 20, take: 10);
        var huge = await _audit.PageAsync(skip: -5, take: 1_000_000);

        Assert.Equal(25, first.Total);
        Assert.Equal(Enumerable.Range(15, 10).Reverse().Select(i => $"entry {i}"), first.Entries.Select(e => e.Detail));
        Assert.Equal(["entry 4", "entry 3", "entry 2", "entry 1", "entry 0"], third.Entries.Select(e => e.Detail));
        Assert.Equal((0, AuditLog.MaxPageSize, 25), (huge.Skip, huge.Take, huge.Entries.Count));
    }

    [Fact]
    public async Task AnAuditPageReadRightAfterTheStoreIsFreedShowsTheEntriesRecordedWhileItWasHeld()
    {
        // RecordAsync returns after a second even when its entry is not stored yet; the page read next must not race the writer.
        using (_db.HoldWriteLock())
        {
            await _audit.RecordAsync("ana", AuditLog.Actions.Upload, "held.csv").WaitAsync(TimeSpan.FromSeconds(20));
            await _audit.RecordAsync("ana", AuditLog.Actions.Undo, "batch 7").WaitAsync(TimeSpan.FromSeconds(20));
        }

        var page = await _audit.PageAsync(0, 10);
        Assert.Equal(["batch 7", "held.csv"], page.Entries.Select(e => e.Detail));
        Assert.Equal(2, page.Total);
        Assert.Equal(["batch 7", "held.csv"], (await _audit.RecentAsync()).Select(e => e.Detail));
    }

    [Fact]
    public async Task WhileAnotherWriterHoldsTheStoreASignInSucceedsAndItsAuditEntryIsStoredOnceTheStoreIsFree()
    {
        await _users.CreateAsync("ana", "password-1", Role.Viewer, actor: "admin");
        using (_db.HoldWriteLock())
        {
            var signIn = await _users.SignInAsync("ana", "password-1", "10.0.0.1").WaitAsync(TimeSpan.FromSeconds(20));
            await _audit.RecordAsync("ana", AuditLog.Actions.Upload, "export.csv (committed)", "10.0.0.1").WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(SignInOutcome.Success, signIn.Outcome);
            if (Provider == StoreProvider.Sqlite)
            {
                Assert.True(_audit.Queued >= 2, "the entries wait for the store");
            }
            else
            {
                Assert.True(await _audit.FlushAsync(TimeSpan.FromSeconds(20)), "on PostgreSQL an import holds nothing that an audit entry waits for");
            }
        }

        Assert.True(await _audit.FlushAsync(TimeSpan.FromMinutes(1)));
        var actions = (await _audit.RecentAsync()).Where(e => e.UserName == "ana").Select(e => e.Action).ToList();
        Assert.Contains(AuditLog.Actions.SignIn, actions);
        Assert.Contains(AuditLog.Actions.Upload, actions);
    }

    [Fact]
    public async Task AChangeThatCannotGetTheStoreInTimeIsRefusedWithAReasonAndChangesNothing()
    {
        // Neighbours of the lock-wait rule (decision 0015): an admin's change, a password change and a wrong password's count, each while
        // an import holds the write lock longer than a write may wait (1 s here, 30 s in the app).
        using var db = NewDatabase(busyTimeoutSeconds: 1);
        var audit = new AuditLog(db.Contexts(), _clock, NullLogger<AuditLog>.Instance);
        var users = new UserService(db.Contexts(), Microsoft.Extensions.Options.Options.Create(new AuthOptions { MaxFailedAttempts = 3 }), audit, _clock);
        var ana = await users.CreateAsync("ana", "password-1", Role.Viewer, actor: "admin");

        if (Provider == StoreProvider.PostgreSql)
        {
            // PostgreSQL's writers do not exclude each other: an import never holds up a change to the users.
            using (db.HoldWriteLock())
            {
                Assert.Equal(Role.Analyst, (await users.SetRoleAsync(ana.Id, Role.Analyst, "admin").WaitAsync(TimeSpan.FromSeconds(10))).Role);
                Assert.Equal(SignInOutcome.WrongCredentials, (await users.SignInAsync("ana", "wrong-password", null)).Outcome);
            }
            return;
        }
        using (db.HoldWriteLock())
        {
            var role = await Assert.ThrowsAsync<UserChangeRefusedException>(() => users.SetRoleAsync(ana.Id, Role.Analyst, "admin"));
            Assert.Equal(Dashboard.Core.Data.StoreBusy.Message, role.Message);
            await Assert.ThrowsAsync<UserChangeRefusedException>(() => users.ChangePasswordAsync(ana.Id, "password-1", "password-2", null));
            await Assert.ThrowsAsync<UserChangeRefusedException>(() => users.SignInAsync("ana", "wrong-password", null));
        }

        var after = await users.FindAsync(ana.Id);
        Assert.Equal(Role.Viewer, after!.Role);
        Assert.Equal(SignInOutcome.Success, (await users.SignInAsync("ana", "password-1", null)).Outcome);
        Assert.Equal(Role.Analyst, (await users.SetRoleAsync(ana.Id, Role.Analyst, "admin")).Role);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}

public sealed class UserServiceOnSqliteTests() : UserServiceTests(StoreProvider.Sqlite);

public sealed class UserServiceOnPostgreSqlTests() : UserServiceTests(StoreProvider.PostgreSql);
