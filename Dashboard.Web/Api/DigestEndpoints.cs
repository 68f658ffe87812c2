using System.Text.Encodings.Web;
using Dashboard.Core.Digests;
using Dashboard.Web.Auth;

namespace Dashboard.Web.Api;

/// <summary>
/// The digest's unsubscribe link, for people who are not signed in: <c>GET /digest/unsubscribe?token=</c> asks (a link
/// scanner that fetches every link in a mail must not unsubscribe anyone), and a POST to the same address unsubscribes.
/// The POST is also what a mail client's one-click unsubscribe (RFC 8058, <c>List-Unsubscribe-Post</c>) sends. It needs no
/// antiforgery token: the signed, expiring token in the address is the permission, and no cookie is involved.
/// </summary>
public static class DigestEndpoints
{
    public const string UnsubscribePath = "/digest/unsubscribe";

    public static IEndpointRouteBuilder MapDigestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(UnsubscribePath, (string? token, UnsubscribeTokens tokens) =>
            tokens.Read(token) is null
                ? Page(StatusCodes.Status400BadRequest, "This unsubscribe link has expired or is damaged.",
                    "Sign in and open the E-mail digest page to manage your subscriptions.", null)
                : Page(StatusCodes.Status200OK, "Unsubscribe from the weekly review?",
                    "You will no longer receive this weekly review by e-mail.", token))
            .AllowAnonymous();

        app.MapPost(UnsubscribePath, async (HttpContext http, UnsubscribeTokens tokens, DigestSubscriptions subscriptions) =>
        {
            var token = http.Request.Query["token"].FirstOrDefault();
            if (tokens.Read(token) is not { } id)
            {
                return Page(StatusCodes.Status400BadRequest, "This unsubscribe link has expired or is damaged.",
                    "Sign in and open the E-mail digest page to manage your subscriptions.", null);
            }
            await subscriptions.UnsubscribeAsync(id, AuthSetup.Address(http), http.RequestAborted);
            return Page(StatusCodes.Status200OK, "You are unsubscribed.", "You will receive no more of this weekly review.", null);
        }).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static IResult Page(int status, string title, string text, string? token)
    {
        var html = HtmlEncoder.Default;
        var form = token is null ? "" :
            $"<form method=\"post\" action=\"{html.Encode(UnsubscribePath + "?token=" + Uri.EscapeDataString(token))}\"><button type=\"submit\" data-action=\"unsubscribe\">Unsubscribe</button></form>";
        return Results.Content(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{html.Encode(title)}</title></head>" +
            $"<body><main><h1>{html.Encode(title)}</h1><p data-unsubscribe-message>{html.Encode(text)}</p>{form}</main></body></html>",
            "text/html; charset=utf-8", statusCode: status);
    }
}
