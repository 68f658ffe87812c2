namespace Dashboard.Core.Imports.Queue;

/// <summary>
/// One piece of write work in the <see cref="ImportQueue"/>, observable while it runs: pages subscribe to
/// <see cref="ImportQueue.Changed"/> and read the job's progress. Written by the queue's worker only.
/// </summary>
public sealed class ImportJob
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _cancel = new();

    internal ImportJob(ImportJobKind kind, StagedUpload? upload, long? batchId)
    {
        Kind = kind;
        Upload = upload;
        BatchId = batchId;
        TotalBytes = upload?.Length;
        // The trace it belongs to: the request or page event that queued it, else its upload's.
        Parent = System.Diagnostics.Activity.Current?.Context ?? upload?.Trace ?? default;
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");
    public ImportJobKind Kind { get; }
    public StagedUpload? Upload { get; }
    public string FileName => Upload?.FileName ?? $"batch {BatchId}";
    /// <summary>The batch to undo; for a commit, the batch it wrote once it finished.</summary>
    public long? BatchId { get; internal set; }
    public ImportJobState State { get; internal set; }
    public DateTime QueuedAt { get; } = DateTime.UtcNow;
    public DateTime? StartedAt { get; internal set; }
    public int RowsRead { get; internal set; }
    public long BytesRead { get; internal set; }
    /// <summary>Bytes of content read so far: for a .gz, decompressed bytes (a bomb shows here while the percentage creeps).</summary>
    public long ContentBytesRead { get; internal set; }
    /// <summary>Someone asked to stop the job (<see cref="ImportQueue.Cancel"/>); once finished, it changed nothing.</summary>
    public bool CancelRequested => _cancel.IsCancellationRequested;
    /// <summary>Who asked to stop it.</summary>
    public string? CancelledBy { get; internal set; }
    public long? TotalBytes { get; internal set; }
    public ImportSummary? Summary { get; internal set; }
    public Undo.UndoResult? UndoResult { get; internal set; }
    /// <summary>An unexpected failure (the summary or undo result carries the expected refusals).</summary>
    public string? Error { get; internal set; }

    /// <summary>How far through the file, 0..100, from the bytes read (the row count of a file is not known in advance).</summary>
    public double Percent => TotalBytes is > 0
        ? Math.Round(Math.Min(100, 100.0 * BytesRead / TotalBytes.Value), 1)
        : State == ImportJobState.Finished ? 100 : 0;

    public bool Succeeded => Error is null && (Summary?.Succeeded ?? UndoResult?.Succeeded ?? false);

    /// <summary>Completes when the job has finished (never faults: see <see cref="Error"/>).</summary>
    public Task Completion => _done.Task;

    internal CancellationToken CancellationToken => _cancel.Token;

    internal System.Diagnostics.ActivityContext Parent { get; }

    /// <summary>Where the import decides between its commit and a cancel.</summary>
    internal CommitGate Gate { get; } = new();

    /// <summary>Stops the job unless its import has passed its commit (then false: the batch is kept).</summary>
    internal bool RequestCancel()
    {
        if (!Gate.TryCancel())
        {
            return false;
        }
        _cancel.Cancel();
        return true;
    }

    internal void Finish()
    {
        State = ImportJobState.Finished;
        _done.TrySetResult();
    }
}
