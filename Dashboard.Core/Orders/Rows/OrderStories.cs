using System.Data.Common;
using System.Globalization;
using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Orders.Rows;

/// <summary>
/// One order's story from the store: its lines as they are, and each line's earlier versions (<c>order_line_versions</c>:
/// the line as it was before the batch <c>changed_by_batch_id</c> replaced it, written by its <c>batch_id</c>), named by
/// the import batch that wrote each.
/// </summary>
internal static class OrderStories
{
    private const string VersionColumns = "id, batch_id, order_date, status, status_group, qty, currency, amount_minor";

    public static async Task<OrderStory?> ReadAsync(DashboardDbContext db, string orderId, CancellationToken cancellationToken)
    {
        var (lines, versions) = await FrameStore.ReadAsync(db, async (connection, transaction, _) =>
        {
            var current = new List<(OrderRow Row, Written Written)>();
            await using (var command = connection.Command(
                $"SELECT {RowsSql.Columns}, batch_id FROM order_lines WHERE order_id = @o ORDER BY id;", transaction).With("@o", orderId))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = RowsSql.Read(reader);
                    current.Add((row, new Written(row.Id, reader.GetInt64(17), row.Date, row.Status, row.StatusGroup, row.Qty, row.Currency, row.Amount)));
                }
            }
            var earlier = new List<Written>();
            if (current.Count > 0)
            {
                await using var command = connection.Command(
                    $"SELECT {VersionColumns} FROM order_line_versions WHERE order_id = @o ORDER BY changed_by_batch_id;", transaction).With("@o", orderId);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    earlier.Add(ReadVersion(reader));
                }
            }
            return (current, earlier);
        }, cancellationToken);
        if (lines.Count == 0)
        {
            return null;
        }
        var batchIds = lines.Select(l => l.Written.BatchId).Concat(versions.Select(v => v.BatchId)).Distinct().ToList();
        var batches = await db.ImportBatches.Where(b => batchIds.Contains(b.Id))
            .Select(b => new { b.Id, b.FileName, b.StartedAt }).ToDictionaryAsync(b => b.Id, cancellationToken);
        LineVersion Named(Written w) => batches.TryGetValue(w.BatchId, out var b)
            ? new(w.BatchId, b.FileName, b.StartedAt, w.Date, w.Status, w.StatusGroup, w.Qty, w.Currency, w.Amount)
            : new(w.BatchId, "", default, w.Date, w.Status, w.StatusGroup, w.Qty, w.Currency, w.Amount);
        return new OrderStory(orderId, lines.Select(l => new OrderStoryLine(l.Row,
            [.. versions.Where(v => v.Id == l.Row.Id).Select(Named), Named(l.Written)])).ToList());
    }

    private static Written ReadVersion(DbDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), OrdersFrame.ParseDate(r.GetString(2)), r.GetString(3), Enum.Parse<StatusGroup>(r.GetString(4)),
        checked((int)r.GetInt64(5)), r.IsDBNull(6) ? null : r.GetString(6),
        r.IsDBNull(7) ? null : Convert.ToInt64(r.GetValue(7), CultureInfo.InvariantCulture) / 100m);

    /// <summary>A line's values as one batch wrote them.</summary>
    private sealed record Written(long Id, long BatchId, DateOnly Date, string Status, StatusGroup StatusGroup, int Qty, string? Currency, decimal? Amount);
}
