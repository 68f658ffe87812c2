using Dashboard.Core.Data;
using Dashboard.Core.Imports;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Integration.Imports;

/// <summary>
/// What only PostgreSQL needs (decision 0013): its writers do not exclude each other, so instances that share the store take
/// the import lock — an import waits for another instance's, and a starting instance leaves alone a batch that another
/// instance is writing.
/// </summary>
public sealed class PostgreSqlImportLockTests
{
    [Fact]
    public async Task AnImportWaitsForAnotherInstancesImportAndThenCountsItsLinesAsStored()
    {
        using var db = new TempDatabase(provider: StoreProvider.PostgreSql);
        Assert.True(db.Import(new AmazonCsv().Line("171-1", sku: "A", status: "Shipped").ToString(), "first.csv").Succeeded);

        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Task<ImportSummary> second;
        using (db.HoldWriteLock()) // another instance's import holds the lock
        {
            second = Task.Run(() =>
            {
                var summary = db.Import(new AmazonCsv().Line("171-1", sku: "A", status: "Cancelled").Line("171-2", sku: "B").ToString(), "second.csv");
                events.Enqueue("second import finished");
                return summary;
            });
            // Until PostgreSQL shows the import's session waiting for the import lock, or the import ends without waiting.
            await WhenAsync(() => second.IsCompleted || WaitersForImportLock(db) > 0).WaitAsync(TimeSpan.FromMinutes(2));
            events.Enqueue(second.IsCompleted ? "second import finished without waiting" : "second import waits for the lock");
            events.Enqueue("other instance releases the lock");
        }
        var result = await second.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(["second import waits for the lock", "other instance releases the lock", "second import finished"], events.ToArray());
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((1, 1, 0), (result.Inserted, result.Updated, result.Unchanged));
        Assert.Equal(1, result.StatusChanges.Single(c => c.From == "Shipped" && c.To == "Cancelled").Lines);
    }

    /// <summary>Sessions of this database waiting for (not holding) the import's advisory lock, as PostgreSQL's lock table shows them.</summary>
    private static long WaitersForImportLock(TempDatabase db) => db.Scalar($"""
        SELECT COUNT(*) FROM pg_locks
        WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND ((classid::bigint << 32) | objid::bigint) = {Dashboard.Core.Data.PostgreSql.AdvisoryLock.Import}
        """);

    private static async Task WhenAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(20);
        }
    }

    [Fact]
    public void AStartingInstanceLeavesARunningBatchOfAnotherInstanceAloneAndMarksAnAbandonedOneFailed()
    {
        using var db = new TempDatabase(provider: StoreProvider.PostgreSql);
        db.Scalar("INSERT INTO import_batches (file_name, format, state, started_at) VALUES ('x.csv', 'AmazonOrders', 'Running', '2022-07-01 10:00:00')");

        using (db.HoldWriteLock()) // the instance writing that batch is alive
        {
            Assert.Equal(0, db.Importer().MarkInterruptedBatches());
            Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM import_batches WHERE state = 'Running'"));
        }

        Assert.Equal(1, db.Importer().MarkInterruptedBatches()); // its connection is gone: the batch was abandoned
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM import_batches WHERE state = 'Failed' AND error LIKE '%interrupted%'"));
    }
}
