using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Analytics.Export;

/// <summary>
/// Reads what a frame does not keep (free text such as order IDs) for a frame's selected rows, by store row id, in the
/// same state of the store as the frame: the read runs in one transaction that first checks the store's change count
/// against the frame's. An export whose frame went stale meanwhile (an import or undo committed) asks for a new frame
/// and reads again (<see cref="FrameCache{TFrame}.ReadAsync"/>), so a download never mixes two versions of the data.
/// </summary>
internal static class StoreText
{
    /// <summary>
    /// Runs <paramref name="sql"/> (its first column the row id, <c>@max</c> the largest id wanted) and hands each wanted
    /// row to <paramref name="read"/> with its position in <paramref name="ids"/>. False, with nothing read, when the
    /// store's change count is not <paramref name="storedVersion"/> or a wanted row is gone.
    /// </summary>
    public static async Task<bool> ReadAsync(IDbContextFactory<DashboardDbContext> contexts, long storedVersion, string sql, int[] ids,
        Action<DbDataReader, int> read, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FrameStore.ReadAsync(db, async (connection, transaction, stored) =>
        {
            if (stored != storedVersion)
            {
                return false;
            }
            if (ids.Length == 0)
            {
                return true;
            }
            var position = new int[ids.Max() + 1];
            Array.Fill(position, -1);
            for (var i = 0; i < ids.Length; i++)
            {
                position[ids[i]] = i;
            }
            await using var command = connection.Command(sql, transaction).With("@max", (long)(position.Length - 1));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var found = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                var at = position[reader.GetInt64(0)];
                if (at >= 0)
                {
                    read(reader, at);
                    found++;
                }
            }
            return found == ids.Length;
        }, cancellationToken);
    }
}
