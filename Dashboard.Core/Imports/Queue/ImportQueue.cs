using System.Diagnostics;
using System.Threading.Channels;
using Dashboard.Core.Telemetry;
using Dashboard.Core.Imports.Undo;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Imports.Queue;

/// <summary>
/// The one queue of write work — previews, commits and undos — run one at a time by a hosted worker
/// (<see cref="RunAsync"/>), outside any Blazor circuit: closing the tab does not stop an import. SQLite has one
/// writer, and a preview (a dry run rolled back) holds the write lock too, so they all queue here.
/// </summary>
public sealed class ImportQueue(ImportService imports, BatchUndoService undo, ILogger<ImportQueue> logger)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly Channel<ImportJob> _channel = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private readonly List<ImportJob> _jobs = [];

    /// <summary>Raised (on the worker's thread) when a job is queued, starts, makes progress or finishes.</summary>
    public event Action<ImportJob>? Changed;

    /// <summary>Jobs queued or running, and the most recent finished ones, newest first.</summary>
    public IReadOnlyList<ImportJob> Jobs
    {
        get
        {
            lock (_lock)
            {
                return [.. _jobs.AsEnumerable().Reverse()];
            }
        }
    }

    public ImportJob? Running => Jobs.FirstOrDefault(j => j.State == ImportJobState.Running);

    public ImportJob EnqueuePreview(StagedUpload upload) => Enqueue(new ImportJob(ImportJobKind.Preview, upload, null));

    public ImportJob EnqueueCommit(StagedUpload upload) => Enqueue(new ImportJob(ImportJobKind.Commit, upload, null));

    public ImportJob EnqueueUndo(long batchId) => Enqueue(new ImportJob(ImportJobKind.Undo, null, batchId));

    /// <summary>
    /// Stops a queued or running preview or commit, or a queued undo (a running undo is short and all or nothing, so it
    /// finishes). A running import stops within about a second: the reader and the writer check between chunks of rows
    /// (blank lines included), and a long SQLite statement (an index build) is interrupted. Its transaction rolls back,
    /// so the stored rows are as they were; the uploaded file is deleted. Returns the job (its
    /// <see cref="ImportJob.Completion"/> completes once it has stopped) and whether it is stopping now: not when it had
    /// finished already, cancelled earlier or not, nor when its import had passed its commit (the batch is kept, and the
    /// refusal says so: decision 0017); null when there is no such job.
    /// </summary>
    public JobCancel? Cancel(string jobId, string? by = null)
    {
        var job = Jobs.FirstOrDefault(j => j.Id == jobId);
        if (job is null)
        {
            return null;
        }
        if (job.Kind == ImportJobKind.Undo && job.State == ImportJobState.Running)
        {
            return new JobCancel(job, false, "A running undo cannot be stopped; it finishes in moments.");
        }
        if (job.State == ImportJobState.Finished)
        {
            return new JobCancel(job, false, "The job has already finished." + (job.Kind == ImportJobKind.Commit && job.Succeeded
                ? $" Its batch {job.BatchId} was kept; undo the batch to take it back." : ""));
        }
        if (!job.RequestCancel())
        {
            return new JobCancel(job, false,
                "The job has already finished its import: the batch was committed and is kept; undo the batch to take it back.");
        }
        job.CancelledBy ??= by;
        logger.LogInformation("{Kind} of {File} cancelled by {User}", job.Kind, job.FileName, by ?? "(unknown)");
        Raise(job);
        return new JobCancel(job, true, null);
    }

    /// <summary>Refuses a file whose content is already being imported (queued or running).</summary>
    public void RefuseIfImporting(StagedUpload upload)
    {
        var importing = Jobs.FirstOrDefault(j => j.Kind == ImportJobKind.Commit && j.State != ImportJobState.Finished
            && j.Upload!.Sha256 == upload.Sha256);
        if (importing is not null)
        {
            var where = importing.State == ImportJobState.Running
                ? $"its import is running ({importing.RowsRead:N0} rows so far, {importing.Percent:0}%)"
                : "its import is queued";
            throw new UploadRefusedException(
                $"'{upload.FileName}' has the same content as '{importing.FileName}', and {where}. " +
                "Wait for it to finish: the history will show it, and importing it again then changes nothing.");
        }
    }

    private ImportJob Enqueue(ImportJob job)
    {
        lock (_lock)
        {
            if (job.Upload is { } upload)
            {
                RefuseIfImporting(upload);
            }
            _jobs.Add(job);
            var finished = _jobs.Where(j => j.State == ImportJobState.Finished).ToList();
            foreach (var old in finished.Take(Math.Max(0, finished.Count - 20)))
            {
                _jobs.Remove(old);
            }
        }
        _channel.Writer.TryWrite(job);
        Raise(job);
        return job;
    }

    /// <summary>The worker's loop: runs queued jobs one at a time until <paramref name="stoppingToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _channel.Reader.ReadAllAsync(stoppingToken))
        {
            if (job.CancelRequested)
            {
                // Cancelled while queued: nothing ran, nothing to undo.
                job.Error = "Cancelled before it started; nothing was changed.";
                if (job.Upload is { } queuedUpload)
                {
                    TryDelete(queuedUpload);
                }
                job.Finish();
                Raise(job);
                continue;
            }
            job.State = ImportJobState.Running;
            job.StartedAt = DateTime.UtcNow;
            Raise(job);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, job.CancellationToken);
            Activity? span = null;
            try
            {
                // The job's span is current on the import's thread: the import's steps, and the frames its commit builds, are its children.
                await Task.Run(() =>
                {
                    span = ImportTelemetry.Start(job);
                    Run(job, stop.Token);
                }, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Kind} of {File} failed", job.Kind, job.FileName);
                job.Error = e.Message;
            }
            finally
            {
                // A commit's file is done with; so is a cancelled preview's (nothing may be left behind).
                if (job.Upload is { } upload && (job.Kind == ImportJobKind.Commit || job.CancelRequested))
                {
                    TryDelete(upload);
                }
                ImportTelemetry.Finished(job, span);
                span?.Dispose();
                job.Finish();
                Raise(job);
            }
        }
    }

    private void Run(ImportJob job, CancellationToken cancellationToken)
    {
        if (job.Kind == ImportJobKind.Undo)
        {
            job.UndoResult = undo.Undo(job.BatchId!.Value);
            return;
        }
        var upload = job.Upload!;
        var last = DateTime.MinValue;
        var progress = new Progress(p =>
        {
            job.RowsRead = p.RowsRead;
            job.BytesRead = p.BytesRead;
            job.ContentBytesRead = p.ContentBytesRead;
            if (DateTime.UtcNow - last >= ProgressInterval)
            {
                last = DateTime.UtcNow;
                Raise(job);
            }
        });
        using var stream = new FileStream(upload.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        job.Summary = imports.Import(stream, upload.FileName,
            new ImportOptions { DryRun = job.Kind == ImportJobKind.Preview, ProgressEvery = 2_000 }, progress, cancellationToken, job.Gate);
        job.BatchId = job.Summary.BatchId;
    }

    private void Raise(ImportJob job)
    {
        try
        {
            Changed?.Invoke(job);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A listener of the import queue failed");
        }
    }

    private void TryDelete(StagedUpload upload)
    {
        try
        {
            UploadStaging.Discard(upload);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not delete the uploaded file {Path}", upload.Path);
        }
    }

    /// <summary>Reports synchronously on the import's thread (System.Progress would post to the thread pool).</summary>
    private sealed class Progress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

/// <summary>What a cancel did: <see cref="Stopping"/> when the job is being stopped and will keep nothing; otherwise
/// <see cref="Refusal"/> says why not (it had finished, its batch was kept, or it is an undo already running).</summary>
public sealed record JobCancel(ImportJob Job, bool Stopping, string? Refusal);
