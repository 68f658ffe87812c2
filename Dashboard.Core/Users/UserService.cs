using System.Collections.Concurrent;
using System.Security.Cryptography;
using Dashboard.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Users;

/// <summary>
/// The users: sign-in with lockout, passwords hashed by the framework's <see cref="PasswordHasher{TUser}"/>, and the
/// admin's changes (add, role, reset, disable). Every change is written to the <see cref="AuditLog"/>.
/// </summary>
/// <remarks>
/// Every request checks its cookie against <see cref="FindAsync"/>, so that a disabled user or a changed password takes
/// effect at once; the answers are cached in memory, dropped on every change made here, and trusted for 10 seconds at
/// most, so that a change by another process (the <c>reset-password</c> verb) counts too.
/// </remarks>
public sealed partial class UserService(IDbContextFactory<DashboardDbContext> contexts, IOptions<AuthOptions> authSettings, AuditLog audit, TimeProvider clock)
{
    private readonly AuthOptions _options = authSettings.Value;

    private static readonly PasswordHasher<User> Hasher = new();
    /// <summary>How long a cached answer is trusted: changes made by another process (the CLI) count within it.</summary>
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<long, (UserAccount? Account, long LoadedAt)> _cache = new();
    private readonly SemaphoreSlim _writes = new(1, 1);
    private long _generation;
    private volatile bool _anyUser;

    public AuthOptions Options => _options;

    public async Task<bool> AnyUserAsync(CancellationToken cancellationToken = default)
    {
        if (_anyUser)
        {
            return true; // users are disabled, never deleted: once there is one, there always is
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return _anyUser = await db.Users.AnyAsync(cancellationToken);
    }

    /// <summary>The user behind a cookie, as stored now (or up to 10 s ago); null when there is no such user.</summary>
    public async ValueTask<UserAccount?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        _cache.TryGetValue(id, out var cached) && Environment.TickCount64 - cached.LoadedAt < CacheFor.TotalMilliseconds
            ? cached.Account
            : await LoadAsync(id, cancellationToken);

    /// <summary>
    /// The user as stored this moment, past the cache: what a page action checks before it acts, since a change made by
    /// another instance reaches the cache only within 10 s.
    /// </summary>
    public async Task<UserAccount?> LoadAsync(long id, CancellationToken cancellationToken = default)
    {
        var generation = Volatile.Read(ref _generation);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        var account = user is null ? null : UserAccount.From(user);
        lock (_cache)
        {
            // A change saved while this read ran must not be covered up by what the read saw before it.
            if (generation == _generation)
            {
                _cache[id] = (account, Environment.TickCount64);
            }
        }
        return account;
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return users.Select(UserAccount.From).ToList();
    }

    /// <summary>Adds a user. <paramref name="actor"/> is who does it: an admin's name, or "configuration" / "setup page" for the first admin.</summary>
    public async Task<UserAccount> CreateAsync(string userName, string password, Role role, string? actor, string? address = null,
        CancellationToken cancellationToken = default) =>
        (await AddAsync(userName, password, role, actor, address, onlyAsFirst: false, cancellationToken))!;

    /// <summary>
    /// The first admin, from the one-time setup page: refused once any user exists, so that the page cannot be used to
    /// add a second admin.
    /// </summary>
    public async Task<UserAccount> CreateFirstAdminAsync(string userName, string password, string? address, CancellationToken cancellationToken = default) =>
        await AnyUserAsync(cancellationToken) ? throw FirstAdminExists()
            : await AddAsync(userName, password, Role.Admin, actor: "setup page", address, onlyAsFirst: true, cancellationToken) ?? throw FirstAdminExists();

    private static UserChangeRefusedException FirstAdminExists() => new("An admin already exists: sign in instead.");

    /// <summary>At start: creates the admin named in the settings when there is no user yet. Returns whether it did.</summary>
    public async Task<bool> EnsureConfiguredAdminAsync(CancellationToken cancellationToken = default)
    {
        // Both or neither: checked at start (AuthOptionsValidator).
        if (string.IsNullOrWhiteSpace(_options.AdminUserName) || string.IsNullOrEmpty(_options.AdminPassword) || await AnyUserAsync(cancellationToken))
        {
            return false;
        }
        return await AddAsync(_options.AdminUserName, _options.AdminPassword, Role.Admin, actor: "configuration", address: null,
            onlyAsFirst: true, cancellationToken) is not null;
    }

    /// <summary>
    /// Adds a user, or with <paramref name="onlyAsFirst"/> only while there is none (null otherwise). The checks and the
    /// insert are one transaction, which instances sharing the store take in turn (decision 0022): SQLite's
    /// transaction takes the write lock at its start, and on PostgreSQL the <see cref="StoreWork.Users"/> lock is held.
    /// </summary>
    private async Task<UserAccount?> AddAsync(string userName, string password, Role role, string? actor, string? address, bool onlyAsFirst,
        CancellationToken cancellationToken)
    {
        var name = userName.Trim();
        CheckUserName(name);
        CheckPassword(name, password);
        await _writes.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            using var adding = db.Kind.Lock(db.Database.GetDbConnection(), StoreWork.Users, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (onlyAsFirst && await db.Users.AnyAsync(cancellationToken))
            {
                _anyUser = true;
                return null;
            }
            if (await FindByNameAsync(db, name, cancellationToken) is not null)
            {
                throw new UserChangeRefusedException($"There is already a user named '{name}'.");
            }
            var user = new User { UserName = name, PasswordHash = "", Role = role, SecurityStamp = NewStamp(), CreatedAt = clock.GetUtcNow() };
            user.PasswordHash = Hasher.HashPassword(user, password);
            db.Users.Add(user);
            await SaveAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _anyUser = true;
            await audit.RecordAsync(actor, AuditLog.Actions.UserCreated, $"{name} ({role})", address, cancellationToken);
            return UserAccount.From(user);
        }
        finally
        {
            _writes.Release();
        }
    }

    public async Task<UserAccount> ChangePasswordAsync(long id, string currentPassword, string newPassword, string? address,
        CancellationToken cancellationToken = default) =>
        await ChangeAsync(id, null, address, cancellationToken, user =>
        {
            if (Hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
            {
                throw new UserChangeRefusedException("The current password is not right.");
            }
            CheckPassword(user.UserName, newPassword);
            SetPassword(user, newPassword);
            return (AuditLog.Actions.PasswordChanged, user.UserName);
        }, actorIsUser: true);

    /// <summary>
    /// Signs the user out: a new security stamp, so that the cookie just cleared, and any copy of it, stops working at its
    /// next request (decision 0008): a copied cookie must not outlive the sign-out. Other browsers signed in as the user are
    /// signed out too: a cookie cannot be told apart from its copy.
    /// </summary>
    public async Task SignOutAsync(long id, string? address, CancellationToken cancellationToken = default) =>
        await ChangeAsync(id, null, address, cancellationToken, user =>
        {
            user.SecurityStamp = NewStamp();
            return (AuditLog.Actions.SignOut, null!);
        }, actorIsUser: true);

    public async Task<UserAccount> ResetPasswordAsync(long id, string newPassword, string actor, string? address = null,
        CancellationToken cancellationToken = default) =>
        await ChangeAsync(id, actor, address, cancellationToken, user =>
        {
            CheckPassword(user.UserName, newPassword);
            SetPassword(user, newPassword);
            user.FailedSignIns = 0;
            user.LockedUntil = null;
            return (AuditLog.Actions.PasswordReset, user.UserName);
        });

    public async Task<UserAccount> SetRoleAsync(long id, Role role, string actor, string? address = null, CancellationToken cancellationToken = default) =>
        await ChangeAsync(id, actor, address, cancellationToken, (user, db) =>
        {
            if (user.Role == Role.Admin && role != Role.Admin && !user.IsDisabled && !OtherActiveAdmin(db, user.Id))
            {
                throw new UserChangeRefusedException($"{user.UserName} is the only active admin: make someone else an admin first.");
            }
            var from = user.Role;
            user.Role = role;
            return (AuditLog.Actions.RoleChanged, $"{user.UserName}: {from} → {role}");
        });

    public async Task<UserAccount> SetDisabledAsync(long id, bool disabled, string actor, string? address = null, CancellationToken cancellationToken = default) =>
        await ChangeAsync(id, actor, address, cancellationToken, (user, db) =>
        {
            if (disabled && user.Role == Role.Admin && !user.IsDisabled && !OtherActiveAdmin(db, user.Id))
            {
                throw new UserChangeRefusedException($"{user.UserName} is the only active admin and cannot be disabled.");
            }
            user.IsDisabled = disabled;
            return (disabled ? AuditLog.Actions.UserDisabled : AuditLog.Actions.UserEnabled, user.UserName);
        });

    private Task<UserAccount> ChangeAsync(long id, string? actor, string? address, CancellationToken cancellationToken,
        Func<User, (string Action, string Detail)> change, bool actorIsUser = false) =>
        ChangeAsync(id, actor, address, cancellationToken, (user, _) => change(user), actorIsUser);

    private async Task<UserAccount> ChangeAsync(long id, string? actor, string? address, CancellationToken cancellationToken,
        Func<User, DashboardDbContext, (string Action, string Detail)> change, bool actorIsUser = false)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var user = await db.Users.AsTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
                ?? throw new UserChangeRefusedException("There is no such user.");
            var (action, detail) = change(user, db);
            await SaveAsync(db, cancellationToken);
            await audit.RecordAsync(actorIsUser ? user.UserName : actor, action, detail, address, cancellationToken);
            return UserAccount.From(user);
        }
        finally
        {
            _writes.Release();
        }
    }

    private static bool OtherActiveAdmin(DashboardDbContext db, long id) =>
        db.Users.Any(u => u.Id != id && u.Role == Role.Admin && !u.IsDisabled);

    private async Task SaveAsync(DashboardDbContext db, CancellationToken cancellationToken)
    {
        await StoreBusy.WriteAsync(() => db.SaveChangesAsync(cancellationToken), message => new UserChangeRefusedException(message));
        lock (_cache)
        {
            _generation++;
            _cache.Clear();
        }
    }

    private static Task<User?> FindByNameAsync(DashboardDbContext db, string name, CancellationToken cancellationToken) =>
        // user_name is declared COLLATE NOCASE: the comparison ignores case in the database.
        db.Users.AsTracking().FirstOrDefaultAsync(u => u.UserName == name, cancellationToken);

    private static void SetPassword(User user, string password)
    {
        user.PasswordHash = Hasher.HashPassword(user, password);
        user.SecurityStamp = NewStamp();
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static void CheckUserName(string name)
    {
        if (name.Length is < 2 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))
        {
            throw new UserChangeRefusedException("A user name has 2 to 64 characters: letters, digits and . _ - @.");
        }
    }

    private void CheckPassword(string userName, string password)
    {
        if (password.Length < _options.MinPasswordLength)
        {
            throw new UserChangeRefusedException($"A password has at least {_options.MinPasswordLength} characters.");
        }
        if (string.Equals(password, userName, StringComparison.OrdinalIgnoreCase))
        {
            throw new UserChangeRefusedException("The password must not be the user name.");
        }
    }
}
