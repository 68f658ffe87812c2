using Dashboard.Core.Models.Scoring;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Users;
using Dashboard.Web.Auth;
using static Dashboard.Web.Auth.Principals;

namespace Dashboard.Web.Api;

/// <summary>
/// For analysts: the stored models' history, the training status, the "to score" purchases scored by the active models
/// as CSV, and the What-if scoring of one order line or one purchase (the What-if page's answers, for other tools).
/// </summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/models").RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        models.MapGet("/", (ModelStore store, CancellationToken ct) => store.HistoryAsync(ct));
        models.MapGet("/training", (TrainingCoordinator training) => training.Status with { LastResult = null });
        // POST /api/models/training: retrain in the background (admins only), as the Models page's Retrain button does.
        models.MapPost("/training", async (HttpContext http, TrainingCoordinator training, AuditLog audit) =>
        {
            training.Request($"Retrain through the API by {http.User.Identity?.Name}");
            await audit.RecordAsync(http.User.Identity?.Name, AuditLog.Actions.Retrain, "through the API", AuthSetup.Address(http));
            return Results.Accepted("/api/models/training", training.Status with { LastResult = null });
        }).RequireAuthorization(p => p.RequireRole(Roles.Admin));
        models.MapGet("/score/purchases.csv", async (HttpContext http, BatchScoring scoring, ActiveModels active, CancellationToken ct) =>
        {
            if ((await active.GetAsync(ct)).Purchase is null)
                return NoModel("purchase");
            return Results.Stream(async stream => await scoring.WritePurchasesAsync(stream, ct), "text/csv; charset=utf-8", "purchases-scored.csv");
        });

        // POST /api/what-if/{cancellation,purchase}: the inputs as JSON, the prediction with each input's contribution. A body
        // that cannot be read, or an input out of range, is a 400 problem naming the inputs (decision 0021).
        var whatIf = app.MapGroup("/api/what-if").RequireAuthorization(p => p.RequireRole(Roles.Analyst));
        whatIf.MapGet("/choices", (WhatIfService service, CancellationToken ct) => service.ChoicesAsync(ct));
        whatIf.MapPost("/cancellation", async (HttpContext http, WhatIfService service, WhatIfValidator validator, CancellationToken ct) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<CancellationRequest>(http, ct);
            if (problem is not null)
                return problem;
            var models = await service.ModelsAsync(ct);
            if (models.Cancellation is null)
                return NoModel("cancellation");
            // promotion-ids is not an input of the model (it gives the outcome away): a request has no such field.
            var input = validator.Check(request!);
            return input.Input is { } valid ? Results.Ok(WhatIfService.Score(models, valid)) : Results.ValidationProblem(input.Errors);
        });
        whatIf.MapPost("/purchase", async (HttpContext http, WhatIfService service, WhatIfValidator validator, CancellationToken ct) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<PurchaseRequest>(http, ct);
            if (problem is not null)
                return problem;
            var models = await service.ModelsAsync(ct);
            if (models.Purchase is null)
                return NoModel("purchase");
            var input = validator.Check(request!);
            return input.Input is { } valid ? Results.Ok(WhatIfService.Score(models, valid)) : Results.ValidationProblem(input.Errors);
        });
        return app;
    }

    private static IResult NoModel(string kind) =>
        Results.Problem($"No {kind} model is active yet: train one on the Models page.", statusCode: StatusCodes.Status409Conflict);
}
