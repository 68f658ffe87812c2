using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Analytics.Frames;

/// <summary>
/// Keeps the current frame, rebuilding it when <see cref="DataVersion"/> moves on: readers of the current version never
/// wait, and one build at a time runs for a new one.
/// </summary>
public abstract class FrameCache<TFrame>(IDbContextFactory<DashboardDbContext> contexts, DataVersion dataVersion)
    where TFrame : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile TFrame? _current;

    protected IDbContextFactory<DashboardDbContext> Contexts => contexts;

    public async ValueTask<TFrame> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } frame && VersionOf(frame) == dataVersion.Current)
        {
            return frame;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var version = dataVersion.Current;
            if (_current is { } again && VersionOf(again) == version)
            {
                return again;
            }
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var built = await LoadAsync(db, version, cancellationToken);
            _current = built;
            return built;
        }
        finally
        {
            _gate.Release();
        }
    }

    private const int Attempts = 3;

    /// <summary>
    /// Builds a result from the current frame, again from a newer one while the store moves on under it (a build that
    /// reads the store answers null when the store's change count is no longer its frame's), and refuses with
    /// <see cref="Export.DataChangedException"/> after <see cref="Attempts"/> tries.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<TFrame, Task<T?>> build, CancellationToken cancellationToken) where T : class
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await GetAsync(cancellationToken);
            if (await build(current) is { } result)
            {
                return result;
            }
            // The store is newer than the frame: make the cache rebuild from it (CatchUp does when another process
            // wrote; a change of this process not yet counted is moved on here).
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken);
            if (!dataVersion.CatchUp(connection) && DataVersion.ReadStored(connection, null) != StoredVersionOf(current))
            {
                dataVersion.Bump();
            }
        }
        throw new Export.DataChangedException();
    }

    protected abstract long VersionOf(TFrame frame);

    protected abstract long StoredVersionOf(TFrame frame);

    protected abstract Task<TFrame> LoadAsync(DashboardDbContext db, long version, CancellationToken cancellationToken);
}
