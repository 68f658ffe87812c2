using System.Globalization;
using Dashboard.Core.Orders;
using Dashboard.Core.Orders.Rollup;
using Dashboard.Core.Data;
using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Imports.Undo;

/// <summary>
/// Undoes a committed batch in one transaction: the order lines it inserted are removed, the lines it updated get
/// back the values they had before it (kept in <c>order_line_versions</c> when it ran), the purchases it added are
/// removed, and the batch is marked <see cref="BatchState.Undone"/> with the time.
/// <para>The rule: a batch whose lines a later batch has changed cannot be undone until that later batch is undone
/// (newest first), because putting back this batch's "before" would silently throw away the later batch's change.
/// The refusal names the later batch.</para>
/// </summary>
public sealed class BatchUndoService(DashboardStore store, DataVersion dataVersion, TimeProvider time, ILogger<BatchUndoService> logger)
{
    public UndoResult Undo(long batchId)
    {
        using var connection = store.OpenConnection();
        store.Kind.EnforceForeignKeys(connection);
        // An undo writes as an import does: one at a time in the whole store (on SQLite, its write transaction says so).
        using var importing = store.Kind.Lock(connection, StoreWork.Import);
        using var transaction = store.Kind.BeginWrite(connection);

        string state, fileName, format;
        bool isSample;
        int updated;
        string? undoneAt;
        using (var read = Command(connection, transaction,
            "SELECT state, file_name, COALESCE(format, ''), is_sample, updated, undone_at FROM import_batches WHERE id = @b;", batchId))
        using (var reader = read.ExecuteReader())
        {
            if (!reader.Read())
            {
                return UndoResult.Refused(batchId, $"There is no batch {batchId}.");
            }
            (state, fileName, format, isSample, updated, undoneAt) =
                (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), checked((int)reader.GetInt64(4)),
                 reader.IsDBNull(5) ? null : reader.GetString(5));
        }

        var refusal = state switch
        {
            nameof(BatchState.Undone) => $"Batch {batchId} ('{fileName}') was already undone ({undoneAt?[..16]} UTC).",
            nameof(BatchState.Failed) => $"Batch {batchId} ('{fileName}') failed and kept no rows: there is nothing to undo.",
            nameof(BatchState.Running) => $"Batch {batchId} ('{fileName}') is still running; wait for it to finish.",
            _ when isSample => $"Batch {batchId} is the built-in sample data; it is replaced by the first real import, not undone.",
            _ => null,
        };
        refusal ??= format == nameof(DataFormat.AmazonOrders) ? RefuseIfChangedLater(connection, transaction, batchId, fileName, updated) : null;
        if (refusal is not null)
        {
            return UndoResult.Refused(batchId, refusal);
        }

        var (firstDate, lastDate) = DatesOf(connection, transaction, batchId);
        // A store that keeps the rollup (LargeStoreUpkeep) has the days of the batch's lines, before and after, written again.
        var rollup = LargeStoreUpkeep.IsKept(connection, transaction);
        if (rollup)
        {
            RollupWriter.Begin(store.Kind, connection, transaction);
            RollupWriter.AddDaysOfBatch(connection, transaction, batchId);
        }
        var touched = Count(connection, transaction, "DELETE FROM order_lines WHERE batch_id = @b;", batchId);
        var restored = Count(connection, transaction,
            $"INSERT INTO order_lines (id, {OrderLineColumns.Columns}) SELECT id, {OrderLineColumns.Columns} FROM order_line_versions WHERE changed_by_batch_id = @b;", batchId);
        Count(connection, transaction, "DELETE FROM order_line_versions WHERE changed_by_batch_id = @b;", batchId);
        if (rollup)
        {
            RollupWriter.RewriteDays(store.Kind, connection, transaction);
        }
        var purchases = Count(connection, transaction, "DELETE FROM purchases WHERE batch_id = @b;", batchId);
        using (var mark = Command(connection, transaction,
            "UPDATE import_batches SET state = 'Undone', undone_at = @now WHERE id = @b;", batchId))
        {
            mark.With("@now", time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)).ExecuteNonQuery();
        }
        dataVersion.Record(connection, transaction);
        transaction.Commit();
        dataVersion.Bump();

        var result = new UndoResult(batchId, true, touched - restored, restored, purchases, null) { FirstDate = firstDate, LastDate = lastDate };
        logger.LogInformation("Undid batch {Batch} ('{File}'): {Removed} lines removed, {Restored} restored, {Purchases} purchases removed",
            batchId, fileName, result.LinesRemoved, result.LinesRestored, result.PurchasesRemoved);
        return result;
    }

    /// <summary>The first and last order date of the batch's lines: the days an undo changes (alerts check them again).</summary>
    private static (DateOnly?, DateOnly?) DatesOf(DbConnection connection, DbTransaction transaction, long batchId)
    {
        using var command = Command(connection, transaction, "SELECT MIN(order_date), MAX(order_date) FROM order_lines WHERE batch_id = @b;", batchId);
        using var reader = command.ExecuteReader();
        static DateOnly? Day(DbDataReader r, int i) => r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return reader.Read() ? (Day(reader, 0), Day(reader, 1)) : (null, null);
    }

    private static string? RefuseIfChangedLater(DbConnection connection, DbTransaction transaction, long batchId, string fileName, int updated)
    {
        using (var later = Command(connection, transaction, """
            SELECT v.changed_by_batch_id, b.file_name, COUNT(*) FROM order_line_versions v
            JOIN import_batches b ON b.id = v.changed_by_batch_id
            WHERE v.batch_id = @b GROUP BY v.changed_by_batch_id, b.file_name ORDER BY v.changed_by_batch_id DESC LIMIT 1;
            """, batchId))
        using (var reader = later.ExecuteReader())
        {
            if (reader.Read())
            {
                return $"Batch {batchId} ('{fileName}') cannot be undone: batch {reader.GetInt64(0)} ('{reader.GetString(1)}') changed " +
                    $"{reader.GetInt64(2):N0} of its lines since. Undo batch {reader.GetInt64(0)} first — batches are undone newest first.";
            }
        }
        using var count = Command(connection, transaction, "SELECT COUNT(*) FROM order_line_versions WHERE changed_by_batch_id = @b;", batchId);
        var saved = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        return saved < updated
            ? $"Batch {batchId} ('{fileName}') was imported by an earlier version of Dashboard, which did not keep the previous values " +
              "of the lines it updated; it cannot be undone without losing them."
            : null;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, long batchId) =>
        connection.Command(sql, transaction).With("@b", batchId);

    private static int Count(DbConnection connection, DbTransaction transaction, string sql, long batchId)
    {
        using var command = Command(connection, transaction, sql, batchId);
        return command.ExecuteNonQuery();
    }
}
