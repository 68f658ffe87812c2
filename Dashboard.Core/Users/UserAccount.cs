namespace Dashboard.Core.Users;

/// <summary>What the rest of the app sees of a user: never the password hash.</summary>
public sealed record UserAccount(long Id, string UserName, Role Role, bool IsDisabled, string SecurityStamp,
    DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt)
{
    internal static UserAccount From(User u) =>
        new(u.Id, u.UserName, u.Role, u.IsDisabled, u.SecurityStamp, u.LockedUntil, u.CreatedAt, u.LastSignInAt);

    public bool Can(Role role) => !IsDisabled && Role >= role;
}
