using System.Text;
using Dashboard.Core.Imports.History;
using Dashboard.Core.Imports.Queue;
using Dashboard.Core.Users;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Http.Features;
using static Dashboard.Web.Auth.Principals;

namespace Dashboard.Web.Api;

/// <summary>
/// The import endpoints: the rejected rows of a batch as CSV, and a scriptable upload (the page's path, without a
/// browser: used by bench/load.py) whose job can be polled.
/// </summary>
public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/imports").RequireAuthorization(p => p.RequireRole(Roles.Admin));

        // GET /api/imports/{id}/issues.csv: a batch's rejected and repeated rows, formula-injection safe.
        imports.MapGet("/{id:long}/issues.csv", async (long id, ImportHistoryQuery history, CancellationToken cancellationToken) =>
            await history.IssuesCsvAsync(id, cancellationToken) is { } csv
                ? Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"batch-{id}-rejected-rows.csv")
                : Results.NotFound());

        // POST /api/imports?file=NAME[&preview=true], the file's bytes as the body: streamed to disk, then queued.
        imports.MapPost("/", async (HttpContext http, string file, bool? preview, UploadStaging staging, ImportQueue queue, AuditLog audit) =>
        {
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = staging.MaxBytes + 1; // the staging enforces the real limit with a clear message
            }
            StagedUpload? upload = null;
            try
            {
                staging.Check(file, http.Request.ContentLength);
                upload = await staging.SaveAsync(http.Request.Body, file, null, http.RequestAborted);
                var job = preview == true ? queue.EnqueuePreview(upload) : queue.EnqueueCommit(upload);
                await audit.RecordAsync(http.User.Identity?.Name, AuditLog.Actions.Upload,
                    $"{file} ({upload.Length:N0} bytes){(preview == true ? ", preview only" : ", committed")} through the API", AuthSetup.Address(http));
                return Results.Accepted($"/api/imports/jobs/{job.Id}", Describe(job));
            }
            catch (Exception e) when (e is UploadRefusedException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                if (upload is not null)
                {
                    UploadStaging.Discard(upload);
                }
                // Over the limit is 413 whether the body said its length or came chunked (the server's own limit may
                // trip before ours does).
                return e is UploadRefusedException and not UploadTooLargeException
                    ? Results.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity)
                    : Results.Problem(e is UploadTooLargeException ? e.Message : $"The upload is larger than the limit of {UploadStaging.Size(staging.MaxBytes)} (Uploads:MaxBytes).",
                        statusCode: StatusCodes.Status413PayloadTooLarge);
            }
        }).DisableAntiforgery();

        // POST /api/imports/{id}/undo: undoes a committed batch through the queue, as the page's Undo button does.
        imports.MapPost("/{id:long}/undo", async (long id, HttpContext http, ImportQueue queue, AuditLog audit) =>
        {
            var job = queue.EnqueueUndo(id);
            await audit.RecordAsync(http.User.Identity?.Name, AuditLog.Actions.Undo, $"batch {id} through the API", AuthSetup.Address(http));
            return Results.Accepted($"/api/imports/jobs/{job.Id}", Describe(job));
        });

        // DELETE /api/imports/jobs/{id}: stops a queued or running preview or commit (a queued undo too); the job
        // finishes within a second or two having changed nothing. 202 with the job; poll it for the end.
        imports.MapDelete("/jobs/{id}", async (string id, HttpContext http, ImportQueue queue, AuditLog audit) =>
        {
            var name = http.User.Identity?.Name;
            if (queue.Cancel(id, name) is not { Job: var job } cancel)
            {
                return Results.NotFound();
            }
            if (!cancel.Stopping)
            {
                return Results.Problem(cancel.Refusal, statusCode: StatusCodes.Status409Conflict);
            }
            await audit.RecordAsync(name, AuditLog.Actions.Cancel, $"{job.Kind} of {job.FileName} through the API", AuthSetup.Address(http));
            return Results.Accepted($"/api/imports/jobs/{job.Id}", Describe(job));
        });

        // GET /api/imports/jobs/{id}: state, progress, and when finished the summary or undo result.
        imports.MapGet("/jobs/{id}", (string id, ImportQueue queue) =>
            queue.Jobs.FirstOrDefault(j => j.Id == id) is { } job ? Results.Ok(Describe(job)) : Results.NotFound());
        return app;
    }

    private static object Describe(ImportJob job) => new
    {
        job.Id,
        job.Kind,
        job.State,
        job.FileName,
        job.RowsRead,
        job.BytesRead,
        job.ContentBytesRead,
        job.TotalBytes,
        job.CancelRequested,
        job.Percent,
        job.Summary,
        job.UndoResult,
        job.Error,
    };
}
