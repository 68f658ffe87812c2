using System.Globalization;
using System.Threading.RateLimiting;
using Dashboard.Core.Users;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Sign-in attempts per address, with ASP.NET Core's rate limiter: a fixed window of a minute,
/// <see cref="AuthOptions.SignInAttemptsPerMinute"/> posts of the sign-in, change-password or setup form per remote
/// address together, 429 beyond it. The limit is the <see cref="Policy"/> named on those pages' endpoints
/// (<c>[EnableRateLimiting]</c>), not a list of paths: whatever spelling routing takes to a page is counted
/// (decision 0022). Nothing else is limited.
/// </summary>
public static class SignInRateLimit
{
    /// <summary>The rate-limiting policy of the pages that check a password.</summary>
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Opening the page is not an attempt: only its form's post is.
            o.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(AuthSetup.Address(http) ?? "(no address)", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many sign-in attempts from this address. Wait a minute and try again.", cancellationToken);
            };
        });
        return services;
    }
}
