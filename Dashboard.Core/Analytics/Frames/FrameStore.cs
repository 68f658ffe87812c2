using Dashboard.Core.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Analytics.Frames;

/// <summary>What both frames do around their own read: one read transaction, the store's change count, a row count.</summary>
internal static class FrameStore
{
    /// <summary>
    /// Runs <paramref name="read"/> in one read transaction on the context's connection (opened and closed here if it was
    /// not open), so that a count and the rows see the same data even while an import commits. It is handed the store's
    /// change count (<see cref="DataVersion.ReadStored"/>) as that transaction sees it.
    /// </summary>
    public static async Task<T> ReadAsync<T>(DashboardDbContext db, Func<DbConnection, DbTransaction, long, Task<T>> read,
        CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }
        try
        {
            // One snapshot for every statement, in the store's own way, holding no writer back.
            await using var transaction = await db.Kind.BeginSnapshotAsync(connection, cancellationToken);
            return await read(connection, transaction, DataVersion.ReadStored(connection, transaction));
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>A <c>SELECT COUNT(*) …</c> in the read transaction, as a frame's row count.</summary>
    public static async Task<int> CountAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var counting = connection.CreateCommand();
        counting.Transaction = transaction;
        counting.CommandText = sql;
        return checked((int)(long)(await counting.ExecuteScalarAsync(cancellationToken))!);
    }
}
