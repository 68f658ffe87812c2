using Dashboard.Core.Users;
using Dashboard.Core.Views;
using Dashboard.Web.Auth;
using static Dashboard.Web.Auth.Principals;

namespace Dashboard.Web.Api;

/// <summary>
/// Saved views for scripts, as the header's Views menu keeps them (docs/decisions/0031-saved-views.md):
/// <c>GET /api/views</c> lists the caller's and the shared ones, <c>POST</c> saves one (<c>{"name","page","query","shared"}</c>),
/// <c>PUT /api/views/{id}</c> renames, shares or changes its query, <c>DELETE</c> removes it, and <c>PUT</c>/<c>DELETE
/// /api/views/start</c> set or clear the caller's start page (<c>{"id": n}</c>). Bad input answers 400 with the reason,
/// a view the caller may not change 403, one they cannot see 404.
/// </summary>
public static class ViewsApi
{
    /// <summary>The body of a start-page request.</summary>
    public sealed record StartRequest(long? Id);

    public static IEndpointRouteBuilder MapViewsApi(this IEndpointRouteBuilder app)
    {
        var views = app.MapGroup("/api/views").WithTags("Views").RequireAuthorization(p => p.RequireRole(Roles.Viewer));
        views.MapGet("/", (HttpContext http, SavedViews saved, CancellationToken ct) =>
            As(http, async actor => Results.Ok(await saved.ListAsync(actor, ct))));
        views.MapGet("/{id:long}", (long id, HttpContext http, SavedViews saved, CancellationToken ct) =>
            As(http, async actor => await saved.FindAsync(actor, id, ct) is { } view ? Results.Ok(view) : NotFound()));
        views.MapPost("/", (HttpContext http, SavedViews saved, CancellationToken ct) =>
            WithBody<ViewInput>(http, ct, async (actor, input) =>
            {
                var view = await saved.CreateAsync(actor, input, AuthSetup.Address(http), ct);
                return Results.Created($"/api/views/{view.Id}", view);
            }));
        views.MapPut("/{id:long}", (long id, HttpContext http, SavedViews saved, CancellationToken ct) =>
            WithBody<ViewChange>(http, ct, async (actor, change) => Results.Ok(await saved.ChangeAsync(actor, id, change, AuthSetup.Address(http), ct))));
        views.MapDelete("/{id:long}", (long id, HttpContext http, SavedViews saved, CancellationToken ct) =>
            As(http, async actor =>
            {
                await saved.DeleteAsync(actor, id, AuthSetup.Address(http), ct);
                return Results.NoContent();
            }));
        views.MapPut("/start", (HttpContext http, SavedViews saved, CancellationToken ct) =>
            WithBody<StartRequest>(http, ct, async (actor, start) =>
            {
                if (start.Id is null)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["names the view to start on; DELETE /api/views/start clears it."] });
                }
                await saved.SetStartAsync(actor, start.Id, AuthSetup.Address(http), ct);
                return Results.NoContent();
            }));
        views.MapDelete("/start", (HttpContext http, SavedViews saved, CancellationToken ct) =>
            As(http, async actor =>
            {
                await saved.SetStartAsync(actor, null, AuthSetup.Address(http), ct);
                return Results.NoContent();
            }));
        return app;
    }

    private static Task<IResult> WithBody<T>(HttpContext http, CancellationToken ct, Func<UserAccount, T, Task<IResult>> answer) where T : class =>
        As(http, async actor =>
        {
            var (body, problem) = await JsonBody.ReadAsync<T>(http, ct);
            return problem ?? await answer(actor, body!);
        });

    /// <summary>Runs <paramref name="answer"/> as the caller, read from the store now; a refusal becomes its status with the reason.</summary>
    private static async Task<IResult> As(HttpContext http, Func<UserAccount, Task<IResult>> answer)
    {
        var users = http.RequestServices.GetRequiredService<UserService>();
        if (await users.CurrentAsync(http.User, http.RequestAborted, fresh: true) is not { } actor)
        {
            return Results.Unauthorized();
        }
        try
        {
            return await answer(actor);
        }
        catch (ViewRefusedException e)
        {
            return e.Refusal switch
            {
                ViewRefusal.Invalid => Results.ValidationProblem(new Dictionary<string, string[]> { ["view"] = [e.Message] }),
                ViewRefusal.Forbidden => Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden),
                ViewRefusal.NotFound => Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound),
                _ => Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict),
            };
        }
    }

    private static IResult NotFound() =>
        Results.Problem("There is no such view (or it is someone else's private one).", statusCode: StatusCodes.Status404NotFound);
}
