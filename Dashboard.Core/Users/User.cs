namespace Dashboard.Core.Users;

/// <summary>
/// What a signed-in person may do. The roles are nested: an <see cref="Analyst"/> may do all a <see cref="Viewer"/> may,
/// an <see cref="Admin"/> all an analyst may.
/// </summary>
public enum Role
{
    /// <summary>Managers: the dashboards and the weekly review.</summary>
    Viewer = 1,

    /// <summary>Also What-if, Models and the CSV exports.</summary>
    Analyst = 2,

    /// <summary>Also uploads, undo, retraining and the users.</summary>
    Admin = 3,
}

/// <summary>A person who can sign in. Passwords are stored only as <c>PasswordHasher&lt;User&gt;</c> hashes.</summary>
public sealed class User
{
    public long Id { get; set; }
    /// <summary>Unique, compared without regard to case.</summary>
    public required string UserName { get; set; }
    public required string PasswordHash { get; set; }
    public Role Role { get; set; }
    public bool IsDisabled { get; set; }
    /// <summary>Wrong passwords since the last successful sign-in or lockout.</summary>
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    /// <summary>Changes whenever the password changes: a cookie issued under an older stamp stops working.</summary>
    public required string SecurityStamp { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
}

/// <summary>One line of the audit log: who did what, when, and from where.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The signed-in user, the name that was typed at a failed sign-in, or null for the system itself.</summary>
    public string? UserName { get; set; }
    public required string Action { get; set; }
    public string? Detail { get; set; }
    public string? Address { get; set; }
}
