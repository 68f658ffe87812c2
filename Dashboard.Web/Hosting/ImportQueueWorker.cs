using Dashboard.Core.Imports.Queue;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Runs the <see cref="ImportQueue"/> for the app's lifetime, outside any circuit; clears uploads a stopped process left
/// behind, and every few minutes deletes staged files older than <c>Uploads:KeepStagedMinutes</c> that no queued or
/// running job needs (a preview nobody committed would otherwise stay until a restart).
/// </summary>
/// <remarks>
/// A stop (SIGTERM) cancels the running and queued jobs at once, before the drain (<see cref="ShutdownDrain"/>): a running
/// import rolls back and keeps nothing, as a cancel from the page does, instead of being cut off when the drain ends.
/// </remarks>
public sealed class ImportQueueWorker(ImportQueue queue, UploadStaging staging, IHostApplicationLifetime lifetime, ILogger<ImportQueueWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan ExpiryRound = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = lifetime.ApplicationStopping.Register(CancelAll);
        staging.Clear();
        var expiry = ExpireStagedFilesAsync(stoppingToken);
        try
        {
            await queue.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await expiry;
    }

    private void CancelAll()
    {
        foreach (var job in queue.Jobs.Where(j => j.State != ImportJobState.Finished))
        {
            if (queue.Cancel(job.Id, "(the app stopping)") is { Stopping: true })
            {
                logger.LogWarning("{Kind} of {File} cancelled: the app is stopping; nothing of it is kept", job.Kind, job.FileName);
            }
        }
    }

    private async Task ExpireStagedFilesAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ExpiryRound);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var inUse = queue.Jobs.Where(j => j.State != ImportJobState.Finished && j.Upload is not null)
                    .Select(j => j.Upload!.Path).ToHashSet(StringComparer.Ordinal);
                var deleted = staging.Expire(staging.KeepStaged, inUse);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} staged upload(s) older than {Minutes} minutes", deleted, staging.KeepStaged.TotalMinutes);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
