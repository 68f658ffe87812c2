using Dashboard.Core.Users;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Auth;

/// <summary>
/// The signed-in user of a circuit, checked against the store at the moment of an action: a page's action handler
/// calls <see cref="RequireAsync"/> before it uploads, undoes, retrains or scores, so that hiding the button is not the
/// only guard and a role taken away a second ago, on any instance, already counts. A refusal is an
/// <see cref="UnauthorizedAccessException"/>, which <see cref="Components.Layout.PageActionGuard"/> answers "not allowed"
/// without ending the circuit (decision 0022).
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, UserService users)
{
    /// <summary>The user as the circuit's cookie last showed it (cached up to 10 s), for what a page displays.</summary>
    public async Task<UserAccount?> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await users.CurrentAsync(state.User);
    }

    /// <summary>The user, read from the store now, when they may act as <paramref name="role"/>; otherwise throws.</summary>
    public async Task<UserAccount> RequireAsync(Role role)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await users.CurrentAsync(state.User, fresh: true) is { } user && user.Can(role)
            ? user
            : throw new UnauthorizedAccessException($"this needs the {role} role, and your account no longer has it.");
    }
}
