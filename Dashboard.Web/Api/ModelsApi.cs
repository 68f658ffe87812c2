using Dashboard.Core.Models.Scoring;
using Dashboard.Core.Models.Store;

namespace Dashboard.Web.Api;

/// <summary>The stored models' history, and the "to score" purchases scored by the active models as CSV.</summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/models");
        models.MapGet("/", (ModelStore store, CancellationToken ct) => store.HistoryAsync(ct));
        models.MapGet("/training", (TrainingCoordinator training) => training.Status with { LastResult = null });
        models.MapGet("/score/purchases.csv", async (HttpContext http, BatchScoring scoring, ActiveModels active, CancellationToken ct) =>
        {
            if ((await active.GetAsync(ct)).Purchase is null)
                return Results.Problem("No purchase model is active yet: train one on the Models page.", statusCode: StatusCodes.Status409Conflict);
            return Results.Stream(async stream => await scoring.WritePurchasesAsync(stream, ct), "text/csv; charset=utf-8", "purchases-scored.csv");
        });
        return app;
    }
}
