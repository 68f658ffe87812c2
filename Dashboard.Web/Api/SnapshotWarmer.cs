using Dashboard.Core.Analytics.Orders;
using Dashboard.Core.Analytics.Purchases;
using Dashboard.Core.Data;

namespace Dashboard.Web.Api;

/// <summary>
/// Builds the analytics snapshots at start-up, before the app listens (issue 12: the first request after a restart over
/// millions of lines waited 58 s; now the port opens when the data is ready), and in the background after every data
/// change, so that the first page view after an import does not pay for loading the rows.
/// </summary>
internal sealed class SnapshotWarmer(
    OrdersSnapshotCache orders, PurchasesSnapshotCache purchases, DataVersion version, ILogger<SnapshotWarmer> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();

    /// <remarks>Hosted services start before the server listens: awaiting here is what keeps the port closed until warm.</remarks>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        version.Changed += OnChanged;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await orders.GetAsync(cancellationToken);
            await purchases.GetAsync(cancellationToken);
            logger.LogInformation("Analytics snapshots built in {Seconds:F1} s, before listening", clock.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The pages will try again (and show the error) when they ask for the data.
            logger.LogWarning(e, "Could not build the analytics snapshots at start-up");
        }
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
