using System.Text.Encodings.Web;
using Dashboard.Core.Digests;
using Dashboard.Core.Mail;
using Dashboard.Web.Auth;

namespace Dashboard.Web.Api;

/// <summary>
/// The links in the mail, for people who are not signed in. <c>GET /digest/unsubscribe?token=</c> and
/// <c>GET /mail/confirm?token=</c> ask (a link scanner that fetches every link in a mail must neither unsubscribe nor
/// confirm anyone), and a POST to the same address does it. The unsubscribe POST is also what a mail client's one-click
/// unsubscribe (RFC 8058, <c>List-Unsubscribe-Post</c>) sends. They need no antiforgery token: the signed, expiring token in
/// the address is the permission, and no cookie is involved.
/// </summary>
public static class DigestEndpoints
{
    public const string UnsubscribePath = "/digest/unsubscribe";
    public const string ConfirmPath = "/mail/confirm";

    private const string ManageText = "Sign in and open the E-mail digest page to manage your subscriptions.";

    public static IEndpointRouteBuilder MapDigestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(UnsubscribePath, (string? token, UnsubscribeTokens tokens) =>
            tokens.Read(token) is null
                ? Page(StatusCodes.Status400BadRequest, "This unsubscribe link has expired or is damaged.", ManageText)
                : Page(StatusCodes.Status200OK, "Unsubscribe from the weekly review?",
                    "You will no longer receive this weekly review by e-mail.", new Form(UnsubscribePath, token!, "unsubscribe", "Unsubscribe")))
            .AllowAnonymous();

        app.MapPost(UnsubscribePath, async (HttpContext http, UnsubscribeTokens tokens, DigestSubscriptions subscriptions) =>
        {
            var token = http.Request.Query["token"].FirstOrDefault();
            if (tokens.Read(token) is not { } id)
            {
                return Page(StatusCodes.Status400BadRequest, "This unsubscribe link has expired or is damaged.", ManageText);
            }
            await subscriptions.UnsubscribeAsync(id, AuthSetup.Address(http), http.RequestAborted);
            return Page(StatusCodes.Status200OK, "You are unsubscribed.",
                "You will receive no more of this weekly review. Mail to this address starts again only after a new confirmation.");
        }).AllowAnonymous().DisableAntiforgery();

        app.MapGet(ConfirmPath, async (string? token, ConfirmedAddresses addresses, CancellationToken cancellationToken) =>
            await addresses.AddressOfAsync(token, cancellationToken) is not { } address
                ? Page(StatusCodes.Status400BadRequest, "This confirmation link has expired or is no longer valid.", ManageText)
                : Page(StatusCodes.Status200OK, $"Confirm {address}?",
                    "The Dashboard sends mail to this address only after you confirm it here.", new Form(ConfirmPath, token!, "confirm", "Confirm")))
            .AllowAnonymous();

        app.MapPost(ConfirmPath, async (HttpContext http, ConfirmedAddresses addresses) =>
            await addresses.ConfirmAsync(http.Request.Query["token"].FirstOrDefault(), AuthSetup.Address(http), http.RequestAborted)
                ? Page(StatusCodes.Status200OK, "Your address is confirmed.", "The weekly review now comes to this address on its day.")
                : Page(StatusCodes.Status400BadRequest, "This confirmation link has expired or is no longer valid.", ManageText))
            .AllowAnonymous().DisableAntiforgery();
        return app;
    }

    internal sealed record Form(string Path, string Token, string Action, string Button);

    internal static IResult Page(int status, string title, string text, Form? form = null)
    {
        var html = HtmlEncoder.Default;
        var button = form is null ? "" :
            $"<form method=\"post\" action=\"{html.Encode(form.Path + "?token=" + Uri.EscapeDataString(form.Token))}\"><button type=\"submit\" data-action=\"{form.Action}\">{html.Encode(form.Button)}</button></form>";
        return Results.Content(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{html.Encode(title)}</title></head>" +
            $"<body><main><h1>{html.Encode(title)}</h1><p data-unsubscribe-message>{html.Encode(text)}</p>{button}</main></body></html>",
            "text/html; charset=utf-8", statusCode: status);
    }
}
