using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Hosting;

/// <summary>Ready once the screens' data is in memory: the orders frame (or, past its size, the rollup's summary) and the purchases frame.</summary>
internal sealed class FramesReadyCheck(OrdersFrameCache orders, PurchasesFrameCache purchases) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(orders.IsBuilt && purchases.IsBuilt ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The frames are being built."));
}
