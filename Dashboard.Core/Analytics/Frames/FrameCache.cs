using System.Diagnostics;
using Dashboard.Core.Data;
using Dashboard.Core.Telemetry;
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

    /// <summary>Whether a frame has been built (of any data version): the screens can answer.</summary>
    public bool IsBuilt => _current is not null;

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
            var built = await MeasuredLoadAsync(db, version, cancellationToken);
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
            await RenewAsync(current, cancellationToken);
        }
        throw new Export.DataChangedException();
    }

    /// <summary>
    /// A reader found <paramref name="stale"/> behind the store. One change moves the data version on once: the watcher's
    /// catch-up counts another process's change, the writer counts its own after its commit, and the readers that found
    /// the same stale frame wait here for the one frame built after it instead of each moving the version on (decision 0023).
    /// </summary>
    private async Task RenewAsync(TFrame stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!ReferenceEquals(_current, stale))
            {
                return; // another reader (or a version change) has built a newer frame meanwhile
            }
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken);
            dataVersion.CatchUp(connection);
            // Built at the version now current: a change of this process committed but not yet counted moves it on once,
            // when its writer counts it, and the frame is built again then.
            _current = await MeasuredLoadAsync(db, dataVersion.Current, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A build as a span of the trace that asked for it (a page's query, an import's commit), timed and counted.</summary>
    private async Task<TFrame> MeasuredLoadAsync(DashboardDbContext db, long version, CancellationToken cancellationToken)
    {
        var tag = new KeyValuePair<string, object?>("frame", FrameName);
        using var span = DashboardTelemetry.Source.StartActivity(DashboardTelemetry.Spans.FrameBuild, ActivityKind.Internal, default(ActivityContext), [tag]);
        var started = Stopwatch.GetTimestamp();
        var built = await LoadAsync(db, version, cancellationToken);
        DashboardTelemetry.FrameBuildDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
        DashboardTelemetry.FrameLines.Record(LinesHeld(built), tag);
        return built;
    }

    /// <summary>The frame's name in measurements: orders, purchases.</summary>
    protected abstract string FrameName { get; }

    /// <summary>How many lines <paramref name="frame"/> holds in memory.</summary>
    protected abstract long LinesHeld(TFrame frame);

    protected abstract long VersionOf(TFrame frame);

    protected abstract Task<TFrame> LoadAsync(DashboardDbContext db, long version, CancellationToken cancellationToken);
}
