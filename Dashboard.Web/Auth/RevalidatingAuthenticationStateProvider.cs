using Dashboard.Core.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Dashboard.Web.Auth;

/// <summary>
/// Checks an open circuit's user against the store every 30 seconds: a disabled user, or one whose password was
/// changed or reset elsewhere, is signed out of the open page too (the cookie check covers every new request).
/// </summary>
public sealed class RevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, UserService users)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        await users.CurrentAsync(authenticationState.User, cancellationToken) is { } user && authenticationState.User.Matches(user);
}
