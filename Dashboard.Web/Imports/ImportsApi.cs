using System.Text;
using Dashboard.Core.Imports.History;

namespace Dashboard.Web.Imports;

public static class ImportsApi
{
    /// <summary><c>GET /api/imports/{id}/issues.csv</c>: a batch's rejected and repeated rows, formula-injection safe.</summary>
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/imports/{id:long}/issues.csv", async (long id, ImportHistoryQuery history, CancellationToken cancellationToken) =>
            await history.IssuesCsvAsync(id, cancellationToken) is { } csv
                ? Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"batch-{id}-rejected-rows.csv")
                : Results.NotFound());
        return app;
    }
}
