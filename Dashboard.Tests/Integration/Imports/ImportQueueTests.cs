using System.Text;
using Dashboard.Core.Imports.Queue;
using Dashboard.Core.Imports.Undo;
using Dashboard.Core.Sample;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Integration.Imports;

public sealed class ImportQueueTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly UploadStaging _staging;
    private readonly ImportQueue _queue;
    private readonly CancellationTokenSource _stop = new();

    public ImportQueueTests()
    {
        _staging = new UploadStaging(new UploadOptions { Folder = "uploads", MaxBytes = 64L * 1024 * 1024 }, _db.Folder);
        _queue = new ImportQueue(_db.Importer(),
            new BatchUndoService(_db.Store, _db.Version, TimeProvider.System, NullLogger<BatchUndoService>.Instance),
            NullLogger<ImportQueue>.Instance);
    }

    /// <summary>About <paramref name="days"/> × 120 order lines in the real export's format (dates in the past of the importer's clock).</summary>
    private static byte[] Orders(int days)
    {
        var text = new StringWriter();
        new SampleDataGenerator().WriteAmazonOrders(text, new DateOnly(2022, 4, 1), new DateOnly(2022, 4, 1).AddDays(days - 1));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private Task<StagedUpload> Stage(byte[] bytes, string name = "export.csv") => _staging.SaveAsync(new MemoryStream(bytes), name);

    private Task StartWorker() => Task.Run(() => _queue.RunAsync(_stop.Token));

    [Fact]
    public async Task ACommitRunsInTheBackgroundReportsRowsAndBytesAndDeletesTheUpload()
    {
        var upload = await Stage(Orders(60));
        var seen = new List<(int Rows, long Bytes)>();
        _queue.Changed += j => { lock (seen) { seen.Add((j.RowsRead, j.BytesRead)); } };
        _ = StartWorker();

        var job = _queue.EnqueueCommit(upload);
        await job.Completion.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(job.Succeeded, job.Summary?.Error ?? job.Error);
        Assert.Equal(job.Summary!.Inserted, _db.Scalar("SELECT COUNT(*) FROM order_lines"));
        Assert.Equal(upload.Length, job.BytesRead);
        Assert.Equal(100, job.Percent);
        Assert.Contains(seen, s => s.Rows > 0 && s.Bytes > 0 && s.Bytes < upload.Length);
        Assert.False(File.Exists(upload.Path));
    }

    /// <summary>Gzip of a header and many MB of blank lines, within the default limits: slow to read, no rows.</summary>
    private static readonly Lazy<byte[]> GigabyteOfBlankLines = new(() => BlankLines(1024));

    private static byte[] BlankLines(int megabytes)
    {
        var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(AmazonCsv.Header + "\n"));
            var blank = new byte[1 << 20];
            Array.Fill(blank, (byte)'\n');
            for (var i = 0; i < megabytes; i++)
            {
                gzip.Write(blank);
            }
        }
        return output.ToArray();
    }

    [Theory]
    [InlineData(ImportJobKind.Commit)]
    [InlineData(ImportJobKind.Preview)]
    public async Task ARunningImportIsCancelledLeavingTheTablesAndNoFileBehind(ImportJobKind kind)
    {
        _db.Import(new AmazonCsv().Line("KEEP-1").ToString());
        var before = _db.TablesHash();
        // 1 GB of blank lines compress 1000-fold: raise the ratio limit so that only the cancel can stop it.
        var queue = new ImportQueue(_db.Importer(limits: new Dashboard.Core.Imports.ImportLimits { MaxExpansionRatio = 100_000 }),
            new BatchUndoService(_db.Store, _db.Version, TimeProvider.System, NullLogger<BatchUndoService>.Instance), NullLogger<ImportQueue>.Instance);
        var upload = await Stage(GigabyteOfBlankLines.Value, "bomb.csv.gz");
        var progressed = new TaskCompletionSource();
        queue.Changed += j =>
        {
            if (j.ContentBytesRead > 0)
            {
                progressed.TrySetResult();
            }
        };
        _ = Task.Run(() => queue.RunAsync(_stop.Token));
        var job = kind == ImportJobKind.Commit ? queue.EnqueueCommit(upload) : queue.EnqueuePreview(upload);
        await progressed.Task.WaitAsync(TimeSpan.FromMinutes(2));

        var cancel = queue.Cancel(job.Id, "admin");
        Assert.Same(job, cancel!.Job);
        Assert.True(cancel.Stopping);
        await job.Completion.WaitAsync(TimeSpan.FromMinutes(1));
        // Once it has stopped, another cancel says it has finished, as for any finished job (the API's 409).
        Assert.False(queue.Cancel(job.Id, "admin")!.Stopping);

        Assert.True(job.CancelRequested);
        Assert.False(job.Succeeded);
        Assert.Contains("cancelled", job.Summary!.Error);
        Assert.Equal(0, job.RowsRead);
        Assert.Equal(before, _db.TablesHash());
        Assert.False(File.Exists(upload.Path));
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM import_batches WHERE state = 'Running'"));
    }

    [Fact]
    public async Task AQueuedJobCancelledNeverRunsAndAFinishedOneCannotBeCancelled()
    {
        var first = await Stage(Orders(5));
        var second = await Stage(Orders(6));
        var commit = _queue.EnqueueCommit(first);
        var queued = _queue.EnqueueCommit(second);

        _queue.Cancel(queued.Id, "admin");
        _ = StartWorker();
        await queued.Completion.WaitAsync(TimeSpan.FromMinutes(1));
        await commit.Completion.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(commit.Succeeded);
        Assert.Null(queued.Summary);
        Assert.Contains("before it started", queued.Error);
        Assert.False(File.Exists(second.Path));
        Assert.False(_queue.Cancel(commit.Id)!.Stopping);
        Assert.False(_queue.Cancel(queued.Id)!.Stopping);
        Assert.Null(_queue.Cancel("no-such-job"));
    }

    [Fact]
    public async Task APreviewLeftUncommittedExpires()
    {
        var upload = await Stage(Orders(2));
        var inUse = new HashSet<string>();

        Assert.Equal(0, _staging.Expire(TimeSpan.FromHours(1), inUse));
        Assert.True(File.Exists(upload.Path));
        Assert.Equal(0, _staging.Expire(TimeSpan.FromHours(1), new HashSet<string> { upload.Path }, DateTime.UtcNow.AddHours(2)));
        Assert.Equal(1, _staging.Expire(TimeSpan.FromHours(1), inUse, DateTime.UtcNow.AddHours(2)));
        Assert.False(File.Exists(upload.Path));
    }

    [Fact]
    public async Task APreviewKeepsNothingAndTheUndoRunsThroughTheSameQueue()
    {
        var upload = await Stage(Orders(10));
        _ = StartWorker();

        var preview = _queue.EnqueuePreview(upload);
        await preview.Completion.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(preview.Summary!.DryRun);
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM order_lines"));
        Assert.True(File.Exists(upload.Path), "the upload waits for the commit");

        var commit = _queue.EnqueueCommit(upload);
        await commit.Completion.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(preview.Summary.Inserted, commit.Summary!.Inserted);

        var undo = _queue.EnqueueUndo(commit.BatchId!.Value);
        await undo.Completion.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(undo.Succeeded, undo.UndoResult?.Error);
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM order_lines"));
    }

    [Fact]
    public async Task ASecondUploadOfAFileWhoseImportIsRunningIsRefusedAndChangesNothing()
    {
        var bytes = Orders(60);
        var first = await Stage(bytes);
        using var running = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        _queue.Changed += j =>
        {
            if (j.State == ImportJobState.Running && j.RowsRead > 0 && !running.IsSet)
            {
                running.Set();
                release.Wait(TimeSpan.FromSeconds(30)); // hold the import mid-file while the second upload arrives
            }
        };
        _ = StartWorker();
        var job = _queue.EnqueueCommit(first);
        Assert.True(running.Wait(TimeSpan.FromSeconds(30)));

        var second = await Stage(bytes, "export (1).csv");
        var refused = Assert.Throws<UploadRefusedException>(() => _queue.EnqueueCommit(second));
        var previewRefused = Assert.Throws<UploadRefusedException>(() => _queue.EnqueuePreview(second));
        release.Set();
        await job.Completion.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Contains("'export (1).csv' has the same content as 'export.csv', and its import is running", refused.Message);
        Assert.Contains("Wait for it to finish", previewRefused.Message);
        Assert.True(job.Succeeded);
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM import_batches"));
        Assert.Equal(job.Summary!.Inserted, _db.Scalar("SELECT COUNT(*) FROM order_lines"));
    }

    [Fact]
    public async Task AFileOverTheSizeLimitIsRefusedWhileStreamingAndLeavesNoFileBehind()
    {
        var staging = new UploadStaging(new UploadOptions { Folder = "small", MaxBytes = 10_000 }, _db.Folder);
        var before = _db.Fingerprint();

        var declared = Assert.Throws<UploadTooLargeException>(() => staging.Check("big.csv", 10_001));
        var streamed = await Assert.ThrowsAsync<UploadTooLargeException>(() => staging.SaveAsync(new MemoryStream(Orders(2)), "big.csv"));
        var notCsv = Assert.Throws<UploadRefusedException>(() => staging.Check("report.xlsx", 100));

        Assert.Contains("larger than the upload limit of 9.8 KB (Uploads:MaxBytes", declared.Message);
        Assert.Contains("'big.csv' is larger than the upload limit", streamed.Message);
        Assert.Contains("upload a .csv or .csv.gz file", notCsv.Message);
        Assert.Empty(Directory.EnumerateFiles(staging.Folder));
        Assert.Equal(before, _db.Fingerprint());
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _db.Dispose();
    }
}
