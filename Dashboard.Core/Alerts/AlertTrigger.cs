using System.Threading.Channels;
using Dashboard.Core.Imports.Queue;
using Dashboard.Core.Orders;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Alerts;

/// <summary>
/// Checks the rules when data commits: every import or undo that the <see cref="ImportQueue"/> finishes with success queues a
/// check of the days it touched (an import's order dates; an undo's, those of the lines it removed), which
/// <see cref="RunAsync"/> (the web app's hosted service) runs one at a time, off the import's thread.
/// </summary>
public sealed class AlertTrigger
{
    private readonly Channel<DateRange> _touched = Channel.CreateUnbounded<DateRange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AlertChecker _checker;
    private readonly ILogger<AlertTrigger> _logger;

    public AlertTrigger(ImportQueue queue, AlertChecker checker, ILogger<AlertTrigger> logger)
    {
        _checker = checker;
        _logger = logger;
        queue.Changed += OnJob;
    }

    /// <summary>Raised after each check that a commit started, with what it found.</summary>
    public event Action<AlertCheckResult>? Checked;

    /// <summary>The days a finished job changed, or null when it changed none (a preview, a failure, a cancel).</summary>
    public static DateRange? TouchedBy(ImportJob job) =>
        job.State != ImportJobState.Finished || !job.Succeeded ? null
        : job.Kind == ImportJobKind.Commit && job.Summary is { DryRun: false, FirstDate: { } from, LastDate: { } to } ? new DateRange(from, to)
        : job.Kind == ImportJobKind.Undo && job.UndoResult is { FirstDate: { } first, LastDate: { } last } ? new DateRange(first, last)
        : null;

    private void OnJob(ImportJob job)
    {
        if (TouchedBy(job) is { } range)
        {
            _touched.Writer.TryWrite(range);
        }
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await foreach (var range in _touched.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var result = await _checker.CheckAsync(range, dryRun: false, stoppingToken);
                _logger.LogInformation("Alerts checked for {From}–{To}: {Hits} hits, {Fired} new, {Sent} sent", range.From, range.To, result.Hits.Count, result.Fired, result.Sent);
                Checked?.Invoke(result);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                _logger.LogError(e, "Checking the alerts for {From}–{To} failed", range.From, range.To);
            }
        }
    }
}
