using System.Globalization;
using Dashboard.Core.Analytics;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Dashboard.Core.Data;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Builds the analytics DataFrames (orders and purchases) at start-up, before the app listens (decision 0015: the first
/// request after a restart over millions of lines waited 58 s; now the port opens when the data is ready), and in the
/// background after every data change, so that the first page view after an import does not pay for loading the rows.
/// </summary>
internal sealed class FrameWarmer(
    OrdersFrameCache orders, PurchasesFrameCache purchases, DataVersion version, IOptions<AnalyticsOptions> options, ILogger<FrameWarmer> logger)
    : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>How long the start waits for the frames before it lets the app listen anyway (they go on being built).</summary>
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(30);

    /// <remarks>
    /// Hosted services start before the server listens: awaiting here keeps the port closed until the frames are warm,
    /// for <see cref="StartWait"/> at most, so that a slow store never keeps the app from answering at all.
    /// </remarks>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        version.Changed += OnChanged;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var build = Task.Run(async () =>
        {
            var data = await orders.GetAsync(_stopping.Token);
            await purchases.GetAsync(_stopping.Token);
            return data;
        }, CancellationToken.None);
        try
        {
            var data = await build.WaitAsync(StartWait, cancellationToken);
            logger.LogInformation("Analytics frames built in {Seconds:F1} s, before listening; {Orders}", clock.Elapsed.TotalSeconds, Describe(data));
        }
        catch (TimeoutException)
        {
            logger.LogInformation("Analytics frames still building after {Seconds:F0} s; listening, they follow in the background", StartWait.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The pages will try again (and show the error) when they ask for the data.
            logger.LogWarning(e, "Could not build the analytics frames at start-up");
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
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var ordersFrame = await orders.GetAsync(_stopping.Token);
            var purchasesFrame = await purchases.GetAsync(_stopping.Token);
            // The time from a committed change (the version bump) to the new frames being served.
            logger.LogInformation("Analytics frames for data version {Version} ready in {Milliseconds:F0} ms ({Orders}; {Purchases} purchases)",
                ordersFrame.Version, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, Describe(ordersFrame), purchasesFrame.Count);
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

    /// <summary>Where the order screens read from: an operator sees in the log when the store outgrew the frames.</summary>
    private string Describe(IOrdersData data) => string.Create(CultureInfo.InvariantCulture,
        $"{data.Count:N0} order lines, read from {data.Source} ({AnalyticsOptions.SectionName}:{nameof(AnalyticsOptions.FrameMaxLines)} is {options.Value.FrameMaxLines:N0})");
}
