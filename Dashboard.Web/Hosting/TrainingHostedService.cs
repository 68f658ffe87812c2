using Dashboard.Core.Models.Store;

namespace Dashboard.Web.Hosting;

/// <summary>Runs the <see cref="TrainingCoordinator"/>'s queue for the life of the app: training never runs on a Blazor circuit.</summary>
public sealed class TrainingHostedService(TrainingCoordinator coordinator) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(async () =>
        {
            try
            {
                await coordinator.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
        }, CancellationToken.None);
}
