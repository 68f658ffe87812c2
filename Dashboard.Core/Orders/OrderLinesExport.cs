using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Data;
using Dashboard.Core.Orders.Lines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Orders;

/// <summary>
/// The order lines a <see cref="Rows.RowsRequest"/> selects (its filter and search; every one, whatever its offset and limit),
/// in its sort, written as a download a batch at a time as they are read (decision 0023): sorted in the frame, or by the
/// store past the frame's size (<see cref="Analytics.AnalyticsOptions.FrameMaxLines"/>) and for what the frame does not keep
/// (<see cref="IOrdersData.StreamLinesAsync"/>). All of a download is read in one state of the store.
/// </summary>
public sealed class OrderLinesExport(OrdersFrameCache frames, IDbContextFactory<DashboardDbContext> contexts, IOptions<DownloadOptions> options)
{
    /// <summary>Writes the lines to <paramref name="writer"/> (not completed here); <see cref="DataChangedException"/> when the store kept changing.</summary>
    public Task WriteAsync(Rows.RowsRequest request, ITableWriter writer, CancellationToken cancellationToken = default)
    {
        var download = new LinesDownload(writer, options.Value.BatchRows, contexts);
        // The state the lines were read at is the result; null (read again) when the store moved on before any was written.
        return frames.ReadAsync(async s => await s.StreamLinesAsync(request, download, cancellationToken) ? s : null, cancellationToken);
    }
}
