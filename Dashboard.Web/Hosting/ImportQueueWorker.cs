using Dashboard.Core.Imports.Queue;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Runs the <see cref="ImportQueue"/> for the app's lifetime, outside any circuit; clears uploads a stopped process left
/// behind, and every few minutes deletes staged files older than <c>Uploads:KeepStagedMinutes</c> that no queued or
/// running job needs (a preview nobody committed would otherwise stay until a restart).
/// </summary>
public sealed class ImportQueueWorker(ImportQueue queue, UploadStaging staging, ILogger<ImportQueueWorker> logger) : BackgroundService
{
    private static readonly TimeSpan ExpiryRound = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
