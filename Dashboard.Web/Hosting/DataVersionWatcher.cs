using Dashboard.Core.Data;
using System.Data.Common;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Looks every two seconds whether another process changed the stored data (e.g. the <c>import</c> verb run by an
/// operator while the dashboard serves), and if so moves <see cref="DataVersion"/> on, so that caches rebuild and the
/// pages show the new data. One single-row read each time.
/// </summary>
internal sealed class DataVersionWatcher(DashboardStore store, DataVersion version, ILogger<DataVersionWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                using var connection = store.OpenConnection();
                if (version.CatchUp(connection))
                {
                    logger.LogInformation("The stored data was changed by another process; the dashboards reload it");
                }
            }
            catch (DbException e)
            {
                logger.LogWarning(e, "Could not read the stored data version");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
