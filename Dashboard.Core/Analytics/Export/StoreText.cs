using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Analytics.Export;

/// <summary>
/// Reads what a frame does not keep (free text such as order IDs) for a frame's selected rows, by store row id, in the
/// same state of the store as the frame: the read runs in one transaction that first checks the store's change count
/// against the frame's. An export whose frame went stale meanwhile (an import or undo committed) asks for a new frame
/// and reads again, so a download never mixes two versions of the data.
/// </summary>
internal static class StoreText
{
    private const int Attempts = 3;

    /// <summary>
    /// Builds an export from the current frame, again from a newer one while the store moves on under it, and refuses
    /// with <see cref="DataChangedException"/> after <see cref="Attempts"/> tries.
    /// </summary>
    public static async Task<T> ExportAsync<TFrame, T>(Func<CancellationToken, ValueTask<TFrame>> frame, Func<TFrame, long> storedVersion,
        Func<TFrame, Task<T?>> build, DashboardStore store, DataVersion dataVersion, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await frame(cancellationToken);
            if (await build(current) is { } result)
            {
                return result;
            }
            // The store is newer than the frame: make the caches rebuild from it (CatchUp does when another process
            // wrote; a change of this process not yet counted is moved on here).
            using var connection = store.OpenConnection();
            if (!dataVersion.CatchUp(connection) && DataVersion.ReadStored(connection, null) != storedVersion(current))
            {
                dataVersion.Bump();
            }
        }
        throw new DataChangedException();
    }

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

/// <summary>The store kept changing while an export read it (imports or undos committing one after another); asking again answers.</summary>
public sealed class DataChangedException() : Exception("The data changed while it was being exported; try again in a moment.");
