namespace Dashboard.Core.Users;

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
