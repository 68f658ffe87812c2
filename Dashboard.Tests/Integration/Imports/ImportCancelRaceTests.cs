using System.Text;
using Dashboard.Core.Data;
using Dashboard.Core.Imports;
using Dashboard.Core.Imports.Queue;
using Dashboard.Core.Imports.Undo;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Integration.Imports;

/// <summary>
/// A cancel that tells the truth (decision 0017): an import is stopped at each of its stages and cancelled there. Either
/// the cancel is taken ("stopping") and nothing is kept, or it is refused because the batch was kept — never "stopping"
/// and then a kept batch.
/// </summary>
public sealed class ImportCancelRaceTests
{
    public static TheoryData<StoreProvider, ImportStage> Stages()
    {
        var cases = new TheoryData<StoreProvider, ImportStage>();
        foreach (var provider in new[] { StoreProvider.Sqlite, StoreProvider.PostgreSql })
        {
            foreach (var stage in Enum.GetValues<ImportStage>())
            {
                cases.Add(provider, stage);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task ACancelAtEachStageEitherStopsTheCommitOrIsRefusedBecauseTheBatchWasKept(StoreProvider provider, ImportStage stage)
    {
        using var db = new TempDatabase(provider: provider);
        var pause = new PauseAt(stage);
        var queue = new ImportQueue(db.Importer(stages: pause),
            new BatchUndoService(db.Store, db.Version, TimeProvider.System, NullLogger<BatchUndoService>.Instance), NullLogger<ImportQueue>.Instance);
        var staging = new UploadStaging(new UploadOptions { Folder = "uploads", MaxBytes = 1 << 20 }, db.Folder);
        using var stop = new CancellationTokenSource();
        var worker = Task.Run(() => queue.RunAsync(stop.Token));
        var upload = await staging.SaveAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(new AmazonCsv().Line("171-1", sku: "A").Line("171-2", sku: "B").ToString())), "race.csv");

        var job = queue.EnqueueCommit(upload);
        await pause.Reached.WaitAsync(TimeSpan.FromMinutes(2));
        var cancel = queue.Cancel(job.Id, "tester")!;
        pause.Go();
        await job.Completion.WaitAsync(TimeSpan.FromMinutes(2));
        await stop.CancelAsync();

        var kept = db.Scalar("SELECT COUNT(*) FROM import_batches WHERE state = 'Succeeded'") == 1;
        Assert.Equal(stage == ImportStage.Committed, kept);
        Assert.Equal(!kept, cancel.Stopping); // the answer agrees with what happened
        Assert.Equal(kept, cancel.Refusal?.Contains("kept", StringComparison.Ordinal) == true);
        Assert.Equal(kept, job.Succeeded);
        Assert.Equal(kept ? 2 : 0, db.Scalar("SELECT COUNT(*) FROM order_lines"));
        if (!kept)
        {
            Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM import_batches WHERE state = 'Failed' AND error LIKE '%cancelled%'"));
        }
    }

    /// <summary>Holds the import at one stage until the test has cancelled it.</summary>
    private sealed class PauseAt(ImportStage stage) : IImportStageObserver
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Go() => _go.TrySetResult();

        void IImportStageObserver.Reached(ImportStage reached)
        {
            if (reached == stage)
            {
                _reached.TrySetResult();
                _go.Task.Wait(TimeSpan.FromMinutes(2));
            }
        }
    }
}
