using System.Diagnostics;
using Dashboard.Core.Imports;
using Dashboard.Core.Imports.Queue;

namespace Dashboard.Core.Telemetry;

/// <summary>An import job's spans and measurements (<see cref="DashboardTelemetry"/>): the queue calls these as the job runs.</summary>
public static class ImportTelemetry
{
    /// <summary>
    /// The job's wait in the queue, as a span from its queueing to now (its turn), and the job's own span, which the import's
    /// steps and the frames built after its commit are children of; both in the trace of the request that queued it.
    /// </summary>
    public static Activity? Start(ImportJob job)
    {
        var queued = new DateTimeOffset(job.QueuedAt, TimeSpan.Zero);
        DashboardTelemetry.Source.StartActivity(DashboardTelemetry.Spans.Staging, ActivityKind.Internal, job.Parent, startTime: queued)?.Dispose();
        var span = DashboardTelemetry.Source.StartActivity(DashboardTelemetry.Spans.Import, ActivityKind.Internal, job.Parent);
        span?.SetTag("dashboard.import.kind", DashboardTelemetry.Tag(job.Kind.ToString()));
        return span;
    }

    /// <summary>Counts a finished preview or commit (an undo is not an import) by format, kind and outcome, with its rows and time.</summary>
    public static void Finished(ImportJob job, Activity? span)
    {
        if (job.Kind == ImportJobKind.Undo)
        {
            return;
        }
        var outcome = Outcome(job);
        var tags = new TagList
        {
            { "format", job.Summary?.Format is { } format ? DashboardTelemetry.Tag(format.ToString()) : "unknown" },
            { "kind", DashboardTelemetry.Tag(job.Kind.ToString()) },
            { "outcome", outcome },
        };
        DashboardTelemetry.Imports.Add(1, tags);
        DashboardTelemetry.ImportRows.Add(job.Summary?.RowsRead ?? job.RowsRead, tags);
        if (job.StartedAt is { } started)
        {
            DashboardTelemetry.ImportDuration.Record((DateTime.UtcNow - started).TotalSeconds, tags);
        }
        span?.SetTag("dashboard.import.outcome", outcome);
        span?.SetTag("dashboard.import.rows", job.Summary?.RowsRead ?? job.RowsRead);
        if (outcome != "succeeded")
        {
            span?.SetStatus(outcome == "failed" ? ActivityStatusCode.Error : ActivityStatusCode.Unset, job.Error ?? job.Summary?.Error);
        }
    }

    private static string Outcome(ImportJob job) =>
        job.Error is not null ? "failed"
        : job.Summary is { State: BatchState.Succeeded } ? "succeeded"
        : job.CancelRequested ? "cancelled"
        : "refused";
}
