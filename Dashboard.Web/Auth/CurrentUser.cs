using Dashboard.Core.Users;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Auth;

/// <summary>
/// The signed-in user of a circuit, checked against the store at the moment of an action: a page's button handler
/// calls <see cref="RequireAsync"/> before it uploads, undoes or retrains, so that hiding the button is not the only
/// guard and a role taken away a second ago already counts.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, UserService users)
{
    public async Task<UserAccount?> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await users.CurrentAsync(state.User);
    }

    /// <summary>The user when they may act as <paramref name="role"/>; otherwise throws.</summary>
    public async Task<UserAccount> RequireAsync(Role role) =>
        await GetAsync() is { } user && user.Can(role)
            ? user
            : throw new UnauthorizedAccessException($"This needs the {role} role.");
}
