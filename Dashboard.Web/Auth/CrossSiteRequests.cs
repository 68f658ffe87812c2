using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Refuses requests that do not come from the app itself (decision 0015). SameSite=Lax does not stop a page on
/// another port of the same host: to the browser it is the same <em>site</em>, so it sends the cookie. Two checks:
/// <list type="bullet">
/// <item>every request that may change something through the JSON API (any method but GET, HEAD and OPTIONS under
/// <c>/api</c>) must carry the antiforgery token in the <see cref="TokenHeader"/> header. Scripts get it from
/// <c>GET /api/antiforgery</c> (with the antiforgery cookie it sets); a cross-site <c>fetch</c> can neither read it nor,
/// in <c>no-cors</c> mode, send a custom header;</item>
/// <item>a browser's <c>Origin</c> (and <c>Sec-Fetch-Site</c>) must say this origin, for those requests and for the Blazor
/// circuit (<c>/_blazor</c>, whose WebSocket the browser opens with any page's origin). <c>Security:AllowedOrigins</c>
/// adds origins, e.g. the public address when a proxy rewrites the Host header.</item>
/// </list>
/// </summary>
public static class CrossSiteRequests
{
    public const string TokenHeader = "X-CSRF-TOKEN";
    public const string TokenPath = "/api/antiforgery";

    public static IServiceCollection AddCrossSiteProtection(this IServiceCollection services)
    {
        services.AddAntiforgery(o => o.HeaderName = TokenHeader);
        services.AddSingleton(sp => new AllowedOrigins(sp.GetRequiredService<IOptions<SecurityOptions>>().Value.Origins));
        return services;
    }

    /// <summary>After authentication and authorization (an anonymous request still gets its 401), before the endpoints.</summary>
    public static IApplicationBuilder UseCrossSiteProtection(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        var isCircuit = request.Path.StartsWithSegments("/_blazor");
        var isApiChange = request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method)
            && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method);
        if (!isCircuit && !isApiChange)
        {
            await next(http);
            return;
        }
        if (CrossSiteReason(http) is { } reason)
        {
            await Refuse(http, reason);
            return;
        }
        if (isApiChange)
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                await Refuse(http, $"A request that changes something needs the antiforgery token in the {TokenHeader} header: get it from GET {TokenPath}.");
                return;
            }
        }
        await next(http);
    });

    /// <summary>GET /api/antiforgery: the token for <see cref="TokenHeader"/> (and its cookie), for a signed-in user.</summary>
    public static IEndpointRouteBuilder MapAntiforgeryToken(this IEndpointRouteBuilder app)
    {
        app.MapGet(TokenPath, (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok(new { headerName = TokenHeader, token = tokens.RequestToken });
        });
        return app;
    }

    /// <summary>Why the request looks cross-site, or null. A request without Origin or Sec-Fetch-Site (a script) passes here.</summary>
    public static string? CrossSiteReason(HttpContext http)
    {
        var headers = http.Request.Headers;
        var fetchSite = headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return $"Refused: the request comes from another {(fetchSite == "same-site" ? "origin of this site" : "site")} (Sec-Fetch-Site: {fetchSite}).";
        }
        var origin = headers.Origin.ToString();
        if (origin.Length > 0 && !IsOwnOrigin(http, origin))
        {
            return "Refused: the request comes from another origin.";
        }
        return null;
    }

    private static bool IsOwnOrigin(HttpContext http, string origin)
    {
        var own = $"{http.Request.Scheme}://{http.Request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || http.RequestServices.GetRequiredService<AllowedOrigins>().Origins.Contains(origin);
    }

    private static Task Refuse(HttpContext http, string reason) =>
        Results.Problem(reason, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);

    /// <summary>Origins other than the request's own that may use the API and the circuit (<c>Security:AllowedOrigins</c>).</summary>
    public sealed record AllowedOrigins(IReadOnlySet<string> Origins);
}
