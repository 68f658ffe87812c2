using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Data;
using Dashboard.Core.Orders.Lines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Orders;

/// <summary>
/// The order lines an <see cref="OrderFilter"/> selects, written as a download a batch at a time as they are read
/// (decision 0023): from the frame, the lines of an order together, or past the frame's size
/// (<see cref="Analytics.AnalyticsOptions.FrameMaxLines"/>) from the store, in date order
/// (<see cref="IOrdersData.StreamLinesAsync"/>). All of a download is read in one state of the store.
/// </summary>
public sealed class OrderLinesExport(OrdersFrameCache frames, IDbContextFactory<DashboardDbContext> contexts, IOptions<DownloadOptions> options)
{
    /// <summary>Writes the lines to <paramref name="writer"/> (not completed here); <see cref="DataChangedException"/> when the store kept changing.</summary>
    public Task WriteAsync(OrderFilter filter, ITableWriter writer, CancellationToken cancellationToken = default)
    {
        var download = new LinesDownload(writer, options.Value.BatchRows, contexts);
        // The state the lines were read at is the result; null (read again) when the store moved on before any was written.
        return frames.ReadAsync(async s => await s.StreamLinesAsync(filter, download, cancellationToken) ? s : null, cancellationToken);
    }
}
