using Dashboard.Core.Alerts;
using Dashboard.Core.Users;
using Dashboard.Web.Auth;
using static Dashboard.Web.Auth.Principals;

namespace Dashboard.Web.Api;

/// <summary>
/// Alert rules (docs/decisions/0037-alerts.md) for everyone signed in, each on their own rules (an admin reads everyone's):
/// <c>GET/POST /api/alerts</c>, <c>PUT/DELETE /api/alerts/{id}</c>, <c>GET /api/alerts/{id}/preview</c> (the periods of the
/// data's last 8 weeks it would have fired for), <c>GET /api/alerts/firings</c> and, for admins, <c>POST
/// /api/alerts/firings/{id}/retry</c> (a failed or waiting mail sent again at the next pass). A body is, e.g., <c>{"name": "Set below
/// 200 a day", "metric": "orders", "grain": "day", "filter": "category=Set", "condition": "below", "value": 200, "email":
/// "boss@example.com"}</c>; a bad rule answers 400 with the reason.
/// </summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").WithTags("Alerts").RequireAuthorization(p => p.RequireRole(Roles.Viewer));
        alerts.MapGet("/", async (HttpContext http, AlertRules rules, UserService users, CancellationToken ct) =>
        {
            var actor = await Actor(http, users, ct);
            return Results.Ok((await rules.ListAsync(actor.Can(Role.Admin) ? null : actor.Id, ct)).Select(View));
        });
        alerts.MapPost("/", (HttpContext http, AlertRules rules, UserService users, CancellationToken ct) => SaveAsync(http, rules, users, null, ct));
        alerts.MapPut("/{id:long}", (long id, HttpContext http, AlertRules rules, UserService users, CancellationToken ct) => SaveAsync(http, rules, users, id, ct));
        alerts.MapDelete("/{id:long}", async (long id, HttpContext http, AlertRules rules, UserService users, CancellationToken ct) =>
            await Refusable(async () => await rules.DeleteAsync(await Actor(http, users, ct), id, AuthSetup.Address(http), ct) ? Results.NoContent() : Results.NotFound()));
        alerts.MapGet("/{id:long}/preview", async (long id, HttpContext http, AlertRules rules, AlertEvaluator evaluator, UserService users, CancellationToken ct) =>
            await Refusable(async () =>
            {
                var rule = await rules.OwnAsync(await Actor(http, users, ct), id, ct);
                return Results.Ok((await evaluator.PreviewAsync(rule, ct)).Select(h => new { start = h.Start, end = h.End, h.Value, h.Compared, h.Low, h.High }));
            }));
        alerts.MapGet("/firings", async (HttpContext http, AlertRules rules, UserService users, CancellationToken ct) =>
        {
            var actor = await Actor(http, users, ct);
            return Results.Ok((await rules.FiringsAsync(actor.Can(Role.Admin) ? null : actor.Id, 200, ct)).Select(f => new
            {
                f.Firing.Id, f.Firing.RuleId, rule = f.RuleName, user = f.UserName, f.Email, period = f.Firing.Period, f.Firing.Value, f.Firing.Compared,
                f.Firing.Low, f.Firing.High, state = f.Firing.State.ToString(), f.Firing.Attempts, f.Firing.FiredAt, f.Firing.SentAt, f.Firing.LastError,
            }));
        });
        alerts.MapPost("/firings/{id:long}/retry", async (long id, HttpContext http, AlertRules rules, UserService users, CancellationToken ct) =>
            await Refusable(async () =>
            {
                await rules.RetryAsync(await Actor(http, users, ct), id, AuthSetup.Address(http), ct);
                return Results.NoContent();
            }))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        return app;
    }

    private static async Task<IResult> SaveAsync(HttpContext http, AlertRules rules, UserService users, long? id, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<AlertInput>(http, ct);
        if (problem is not null)
        {
            return problem;
        }
        var actor = await Actor(http, users, ct);
        return await Refusable(async () =>
        {
            var saved = await rules.SaveAsync(actor, request!, id, AuthSetup.Address(http), ct);
            var view = new
            {
                rule = View(new AlertRuleView(saved.Rule, actor.UserName, saved.Address.Confirmed)),
                address = new { saved.Address.Confirmed, confirmationSent = saved.Address.LinkSent, saved.Address.Problem },
            };
            return id is null ? Results.Created($"/api/alerts/{saved.Rule.Id}", view) : Results.Ok(view);
        });
    }

    private static async Task<UserAccount> Actor(HttpContext http, UserService users, CancellationToken ct) =>
        await users.CurrentAsync(http.User, ct, fresh: true) ?? throw new UnauthorizedAccessException("not signed in");

    private static async Task<IResult> Refusable(Func<Task<IResult>> act)
    {
        try
        {
            return await act();
        }
        catch (AlertRefusedException e)
        {
            return e.Field == "store"
                ? Results.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] });
        }
    }

    private static object View(AlertRuleView v) => new
    {
        v.Rule.Id, user = v.UserName, v.Rule.Name, metric = AlertRuleReader.NameOf(v.Rule.Metric), grain = AlertRuleReader.NameOf(v.Rule.Grain),
        v.Rule.Filter, condition = AlertRuleReader.NameOf(v.Rule.Condition), v.Rule.Value, v.Rule.Email, v.Confirmed, v.Rule.SnoozedUntil,
        text = AlertText.Condition(v.Rule),
    };
}
