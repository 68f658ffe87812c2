using Dashboard.Core.Analytics.Orders;
using Dashboard.Core.Analytics.Purchases;
using Dashboard.Core.Data;

namespace Dashboard.Web.Api;

/// <summary>
/// Builds the analytics snapshots in the background at start-up and after every data change, so that the first
/// page view after an import does not pay for loading the rows.
/// </summary>
internal sealed class SnapshotWarmer(
    OrdersSnapshotCache orders, PurchasesSnapshotCache purchases, DataVersion version, ILogger<SnapshotWarmer> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        version.Changed += OnChanged;
        Warm();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        version.Changed -= OnChanged;
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    private void OnChanged(long _) => Warm();

    private void Warm() => _ = Task.Run(async () =>
    {
        try
        {
            await orders.GetAsync(_stopping.Token);
            await purchases.GetAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            // The pages will try again (and show the error) when they ask for the data.
            logger.LogWarning(e, "Could not build the analytics snapshots in the background");
        }
    });
}
