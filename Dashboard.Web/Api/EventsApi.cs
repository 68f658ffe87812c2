using System.Globalization;
using Dashboard.Core.Events;
using Dashboard.Core.Users;
using Dashboard.Web.Auth;
using static Dashboard.Web.Auth.Principals;

namespace Dashboard.Web.Api;

/// <summary>
/// Events on the timeline (docs/decisions/0033-timeline-events.md): <c>GET /api/events[?from=&amp;to=]</c> for everyone signed
/// in; <c>POST /api/events</c> (a JSON object: <c>label</c>, <c>start</c>, optional <c>end</c>, <c>category</c>, <c>state</c>,
/// <c>excludeFromModels</c>) and <c>DELETE /api/events/{id}</c> for analysts and admins, audited.
/// </summary>
public static class EventsApi
{
    /// <summary>The body of a POST; dates as yyyy-MM-dd text, so that a bad one is named in the 400.</summary>
    private sealed record EventRequest(string? Label, string? Start, string? End, string? Category, string? State, bool? ExcludeFromModels);

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events").WithTags("Events").RequireAuthorization(p => p.RequireRole(Roles.Viewer));
        events.MapGet("/", async (HttpRequest r, TimelineEvents store, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var from = Date(r.Query["from"], "from", errors);
            var to = Date(r.Query["to"], "to", errors);
            if (errors.Count > 0)
                return Results.ValidationProblem(errors);
            return Results.Ok((await store.ListAsync(from, to, ct)).Select(View));
        });
        events.MapPost("/", async (HttpContext http, TimelineEvents store, UserService users, CancellationToken ct) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<EventRequest>(http, ct);
            if (problem is not null)
                return problem;
            var errors = new Dictionary<string, string[]>();
            var start = Date(request!.Start, "start", errors);
            var end = Date(request.End, "end", errors);
            if (errors.Count > 0)
                return Results.ValidationProblem(errors);
            var actor = await users.CurrentAsync(http.User, ct, fresh: true) ?? throw new UnauthorizedAccessException("not signed in");
            try
            {
                var saved = await store.AddAsync(actor, new EventInput(request.Label, start, end, request.Category, request.State, request.ExcludeFromModels ?? false),
                    AuthSetup.Address(http), ct);
                return Results.Created($"/api/events/{saved.Id}", View(saved));
            }
            catch (EventRefusedException e)
            {
                return e.Field == "store"
                    ? Results.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable)
                    : Results.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] });
            }
        }).RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        events.MapDelete("/{id:long}", async (long id, HttpContext http, TimelineEvents store, UserService users, CancellationToken ct) =>
        {
            var actor = await users.CurrentAsync(http.User, ct, fresh: true) ?? throw new UnauthorizedAccessException("not signed in");
            return await store.DeleteAsync(actor, id, AuthSetup.Address(http), ct) ? Results.NoContent() : Results.NotFound();
        }).RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        return app;
    }

    private static object View(TimelineEvent e) => new
    {
        e.Id, e.Label, start = e.Start, end = e.End, e.Category, e.State, e.ExcludeFromModels, e.CreatedBy, e.CreatedAt,
    };

    private static DateOnly? Date(string? text, string key, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors[key] = [$"'{Dashboard.Core.Data.TextLimits.Shorten(text, 40)}' is not a date (yyyy-MM-dd)."];
        return null;
    }
}
