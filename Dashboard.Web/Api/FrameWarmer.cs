using Dashboard.Core.Analytics.Orders;
using Dashboard.Core.Analytics.Purchases;
using Dashboard.Core.Data;

namespace Dashboard.Web.Api;

/// <summary>
/// Builds the analytics DataFrames (orders and purchases) in the background at start-up and after every data change, so that the first
/// page view after an import does not pay for loading the rows.
/// </summary>
internal sealed class FrameWarmer(
    OrdersFrameCache orders, PurchasesFrameCache purchases, DataVersion version, ILogger<FrameWarmer> logger) : IHostedService
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
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var ordersFrame = await orders.GetAsync(_stopping.Token);
            var purchasesFrame = await purchases.GetAsync(_stopping.Token);
            // The time from a committed change (the version bump) to the new frames being served.
            logger.LogInformation("Analytics frames for data version {Version} ready in {Milliseconds:F0} ms ({Lines} order lines, {Purchases} purchases)",
                ordersFrame.Version, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, ordersFrame.Count, purchasesFrame.Count);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            // The pages will try again (and show the error) when they ask for the data.
            logger.LogWarning(e, "Could not build the analytics frames in the background");
        }
    });
}
