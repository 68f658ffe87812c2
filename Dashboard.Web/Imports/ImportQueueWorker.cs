using Dashboard.Core.Imports.Queue;

namespace Dashboard.Web.Imports;

/// <summary>Runs the <see cref="ImportQueue"/> for the app's lifetime, outside any circuit; clears uploads a stopped process left behind.</summary>
public sealed class ImportQueueWorker(ImportQueue queue, UploadStaging staging) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        staging.Clear();
        try
        {
            await queue.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
