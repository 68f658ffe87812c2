using System.Globalization;
using System.Threading.RateLimiting;
using Dashboard.Core.Users;

namespace Dashboard.Web.Auth;

/// <summary>
/// Sign-in attempts per address, with ASP.NET Core's rate limiter (issue 12, defect 7): a fixed window of a minute,
/// <see cref="AuthOptions.SignInAttemptsPerMinute"/> posts of the sign-in or change-password form per remote address,
/// 429 beyond it. Nothing else is limited.
/// </summary>
public static class SignInRateLimit
{
    private static readonly string[] LimitedPaths = [AuthSetup.LoginPath, "/account/password", AuthSetup.SetupPath];

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, AuthOptions options)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IsAttempt(http)
                ? RateLimitPartition.GetFixedWindowLimiter(AuthSetup.Address(http) ?? "(no address)", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.SignInAttemptsPerMinute,
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

    private static bool IsAttempt(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && LimitedPaths.Any(p => http.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));
}
