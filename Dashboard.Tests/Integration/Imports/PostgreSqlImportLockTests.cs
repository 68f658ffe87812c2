using Dashboard.Core.Data;
using Dashboard.Core.Imports;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Integration.Imports;

/// <summary>
/// What only PostgreSQL needs (issue 13): its writers do not exclude each other, so instances that share the store take
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

        Task<ImportSummary> second;
        using (db.HoldWriteLock()) // another instance's import holds the lock
        {
            second = Task.Run(() => db.Import(new AmazonCsv().Line("171-1", sku: "A", status: "Cancelled").Line("171-2", sku: "B").ToString(), "second.csv"));
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(second.IsCompleted, "the import waits for the other instance's");
        }
        var result = await second.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((1, 1, 0), (result.Inserted, result.Updated, result.Unchanged));
        Assert.Equal(1, result.StatusChanges.Single(c => c.From == "Shipped" && c.To == "Cancelled").Lines);
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
