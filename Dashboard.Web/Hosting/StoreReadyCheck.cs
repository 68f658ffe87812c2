using Dashboard.Core.Data;
using Dashboard.Core.Data.Schema;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Hosting;

/// <summary>Ready when the store answers and is at the schema step this version writes (another version may have moved it on).</summary>
internal sealed class StoreReadyCheck(DashboardStore store, SchemaMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return SchemaMigrator.CurrentVersion(connection) == migrator.LatestVersion
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The store is not at this version's schema step.");
    }
}
