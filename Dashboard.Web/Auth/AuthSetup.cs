using Dashboard.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Auth;

/// <summary>
/// Cookie sign-in against the users in the product's database, roles enforced on the server (decision 0008):
/// every endpoint needs a signed-in user unless it says otherwise (the fallback policy), pages and API groups name the
/// role they need, and each request's cookie is checked against the store, so a disabled user or a changed password
/// takes effect at once.
/// </summary>
public static class AuthSetup
{
    public const string LoginPath = "/account/login";
    public const string SetupPath = "/setup";

    public static IServiceCollection AddDashboardAuth(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = LoginPath;
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "dashboard.auth";
                o.Cookie.HttpOnly = true;
                // Lax, not Strict: a link to a weekly review in a mail must open signed in; POSTs from other sites still
                // carry no cookie, and every form has an antiforgery token.
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever the app is served over HTTPS
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = ValidateAsync,
                    // The API answers 401/403; pages redirect to the sign-in page.
                    OnRedirectToLogin = c => Answer(c, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = c => Answer(c, StatusCodes.Status403Forbidden),
                };
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentUser>();
        return services;
    }

    /// <summary>Creates the admin named in the settings when no user exists yet (see <see cref="AuthOptions"/>).</summary>
    public static async Task PrepareUsersAsync(this WebApplication app)
    {
        if (await app.Services.GetRequiredService<UserService>().EnsureConfiguredAdminAsync())
        {
            app.Logger.LogInformation("Created the first admin from the Auth:Admin settings.");
        }
        else if (!await app.Services.GetRequiredService<UserService>().AnyUserAsync())
        {
            app.Logger.LogWarning("No user exists yet: open {Path} to create the first admin.", SetupPath);
        }
    }

    /// <summary>
    /// POST /account/logout, from the sign-out button (a form with an antiforgery token). The form parameter is what makes
    /// minimal APIs validate that token: without it another site could sign a user out.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext http, UserService users, [FromForm] string? returnUrl) =>
        {
            var id = http.User.Identity?.IsAuthenticated == true ? http.User.UserId() : null;
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (id is { } userId)
            {
                try
                {
                    await users.SignOutAsync(userId, Address(http)); // the cookie's stamp stops matching: a copy of it is dead too
                }
                catch (UserChangeRefusedException)
                {
                    // the user no longer exists: nothing to revoke
                }
            }
            return Results.LocalRedirect(LoginPath);
        }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// <c>_framework/blazor.web.js</c> is an endpoint of the components, not a static asset: the sign-in page needs it
    /// before anyone is signed in. Every other component endpoint keeps its page's policy.
    /// </summary>
    public static TBuilder AllowFrameworkScriptsAnonymously<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.TrimStart('/').StartsWith("_framework/", StringComparison.Ordinal))
            {
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
            }
        });
        return builder;
    }

    public static string? Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();

    /// <summary>The longest return URL followed; a longer one goes to <c>/</c>.</summary>
    public const int MaxReturnUrlLength = 2048;

    /// <summary>
    /// A return URL that stays on this site, or <c>/</c>: at most <see cref="MaxReturnUrlLength"/> characters, no control
    /// characters, and any other character outside ASCII percent-encoded as UTF-8 (a Location header is ASCII: a raw
    /// <c>ä</c> made the redirect after a right password fail with 500).
    /// </summary>
    public static string LocalUrl(string? url)
    {
        if (url is not { Length: > 0 and <= MaxReturnUrlLength } || url[0] != '/' || (url.Length > 1 && (url[1] == '/' || url[1] == '\\')))
        {
            return "/";
        }
        var builder = new System.Text.StringBuilder(url.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value < 0x20 || rune.Value == 0x7F || rune.Value == '\\')
            {
                return "/";
            }
            if (rune.IsAscii)
            {
                builder.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return builder.Length <= MaxReturnUrlLength ? builder.ToString() : "/";
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserService>();
        if (context.Principal is null || await users.CurrentAsync(context.Principal, context.HttpContext.RequestAborted) is not { } user)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (!context.Principal.Matches(user))
        {
            // An admin changed the role: the cookie takes the new claims now, not at the next sign-in.
            context.ReplacePrincipal(Principals.For(user));
            context.ShouldRenew = true;
        }
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
