using System.Globalization;
using System.Security.Claims;
using Dashboard.Core.Users;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dashboard.Web.Auth;

/// <summary>
/// The claims of a signed-in user. Roles are nested, so a user carries the claim of their own role and of every role
/// below it: <c>[Authorize(Roles = Roles.Analyst)]</c> admits analysts and admins.
/// </summary>
public static class Principals
{
    public const string StampClaim = "dashboard:stamp";

    /// <summary>The role names used in <c>[Authorize(Roles = ...)]</c> and <c>RequireRole</c>.</summary>
    public static class Roles
    {
        public const string Viewer = nameof(Role.Viewer);
        public const string Analyst = nameof(Role.Analyst);
        public const string Admin = nameof(Role.Admin);
    }

    public static ClaimsPrincipal For(UserAccount user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(StampClaim, user.SecurityStamp),
        };
        claims.AddRange(Enum.GetValues<Role>().Where(r => r <= user.Role).Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static long? UserId(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>
    /// The stored user behind <paramref name="principal"/> while its cookie is still good: the user exists, is not
    /// disabled and the password has not changed since the cookie was issued. Null otherwise. <paramref name="fresh"/>
    /// reads the store past the cache (<see cref="UserService.LoadAsync"/>).
    /// </summary>
    public static async ValueTask<UserAccount?> CurrentAsync(this UserService users, ClaimsPrincipal principal, CancellationToken cancellationToken = default,
        bool fresh = false)
    {
        if (principal.UserId() is not { } id
            || await (fresh ? new ValueTask<UserAccount?>(users.LoadAsync(id, cancellationToken)) : users.FindAsync(id, cancellationToken))
                is not { IsDisabled: false } user)
        {
            return null;
        }
        return user.SecurityStamp == principal.FindFirstValue(StampClaim) ? user : null;
    }

    /// <summary>The highest role the principal's claims give (what a person would call their role), or null.</summary>
    public static Role? HighestRole(this ClaimsPrincipal principal) =>
        principal.FindAll(ClaimTypes.Role).Select(c => Enum.TryParse<Role>(c.Value, out var role) ? role : (Role?)null).Max();

    /// <summary>Whether the principal's claims say the same as <paramref name="user"/> now does (name and role).</summary>
    public static bool Matches(this ClaimsPrincipal principal, UserAccount user) =>
        principal.Identity?.Name == user.UserName
        && principal.FindAll(ClaimTypes.Role).Count() == Enum.GetValues<Role>().Count(r => r <= user.Role);
}
