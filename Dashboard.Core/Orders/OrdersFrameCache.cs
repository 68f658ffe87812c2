using Dashboard.Core.Analytics;
using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Data;
using Dashboard.Core.Orders.Rollup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Orders;

/// <summary>
/// Keeps what the order screens read, read again when <see cref="DataVersion"/> moves on: the <see cref="OrdersFrame"/>
/// while the store holds at most <see cref="AnalyticsOptions.FrameMaxLines"/> order lines, past that the summary of
/// its daily rollup (<see cref="OrdersRollup"/>), whose slices each query then reads from the store.
/// </summary>
public sealed class OrdersFrameCache(IDbContextFactory<DashboardDbContext> contexts, DataVersion dataVersion, IOptions<AnalyticsOptions> options)
    : FrameCache<IOrdersData>(contexts, dataVersion)
{
    protected override string FrameName => "orders";

    /// <remarks>Past the frames' size the rollup's summary is held, and no line.</remarks>
    protected override long LinesHeld(IOrdersData data) => data is OrdersFrame ? data.Count : 0;

    protected override long VersionOf(IOrdersData data) => data.Version;

    protected override Task<IOrdersData> LoadAsync(DashboardDbContext db, long version, CancellationToken cancellationToken) =>
        FrameStore.ReadAsync<IOrdersData>(db, async (connection, transaction, storedVersion) =>
            await OrdersRollup.CountLinesAsync(connection, transaction, cancellationToken) > options.Value.FrameMaxLines
                ? await OrdersRollup.LoadAsync(Contexts, connection, transaction, version, storedVersion, cancellationToken)
                : await OrdersFrame.LoadFrameAsync(connection, transaction, version, storedVersion, modelColumns: false, cancellationToken),
            cancellationToken);
}
