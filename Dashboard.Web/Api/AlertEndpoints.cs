using Dashboard.Core.Alerts;
using Dashboard.Web.Auth;
using static Dashboard.Web.Api.DigestEndpoints;

namespace Dashboard.Web.Api;

/// <summary>
/// The snooze and unsubscribe links of an alert mail, for people who are not signed in: <c>GET</c> asks (a link scanner must not
/// act), <c>POST</c> to the same address does it. The signed, expiring token in the address is the permission
/// (<see cref="AlertTokens"/>), as for the digest's links.
/// </summary>
public static class AlertEndpoints
{
    public const string SnoozePath = "/alerts/snooze";
    public const string UnsubscribePath = "/alerts/unsubscribe";

    private const string Expired = "This link has expired or is damaged.";
    private const string ManageText = "Sign in and open the Alerts page to manage your rules.";

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(SnoozePath, (string? token, AlertTokens tokens) =>
            tokens.Read(token, AlertLinkKind.Snooze) is null ? Page(StatusCodes.Status400BadRequest, Expired, ManageText)
            : Page(StatusCodes.Status200OK, "Snooze this alert for a week?", "It is not checked for the next seven days.", new Form(SnoozePath, token!, "snooze", "Snooze for a week")))
            .AllowAnonymous();
        app.MapPost(SnoozePath, async (HttpContext http, AlertTokens tokens, AlertRules rules) =>
        {
            if (tokens.Read(http.Request.Query["token"].FirstOrDefault(), AlertLinkKind.Snooze) is not { } id)
            {
                return Page(StatusCodes.Status400BadRequest, Expired, ManageText);
            }
            try
            {
                var until = await rules.SnoozeAsync(null, id, AuthSetup.Address(http), http.RequestAborted);
                return Page(StatusCodes.Status200OK, "The alert is snoozed.", $"It is checked again from {until:yyyy-MM-dd HH:mm} UTC.");
            }
            catch (AlertRefusedException e)
            {
                return Page(StatusCodes.Status400BadRequest, e.Message, ManageText);
            }
        }).AllowAnonymous().DisableAntiforgery();

        app.MapGet(UnsubscribePath, (string? token, AlertTokens tokens) =>
            tokens.Read(token, AlertLinkKind.Unsubscribe) is null ? Page(StatusCodes.Status400BadRequest, Expired, ManageText)
            : Page(StatusCodes.Status200OK, "Stop this alert?", "The rule is deleted and sends no more mail.", new Form(UnsubscribePath, token!, "unsubscribe", "Stop this alert")))
            .AllowAnonymous();
        app.MapPost(UnsubscribePath, async (HttpContext http, AlertTokens tokens, AlertRules rules) =>
        {
            if (tokens.Read(http.Request.Query["token"].FirstOrDefault(), AlertLinkKind.Unsubscribe) is not { } id)
            {
                return Page(StatusCodes.Status400BadRequest, Expired, ManageText);
            }
            await rules.DeleteAsync(null, id, AuthSetup.Address(http), http.RequestAborted);
            return Page(StatusCodes.Status200OK, "The alert is stopped.", "Mail to this address starts again only after a new confirmation.");
        }).AllowAnonymous().DisableAntiforgery();
        return app;
    }
}
