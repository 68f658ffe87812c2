using Dashboard.Core.Data;
using Dashboard.Core.Imports;
using Dashboard.Core.Imports.Undo;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Integration.Imports;

public abstract class UndoTests(StoreProvider provider) : StoreTest(provider)
{
    private static BatchUndoService Undoer(TempDatabase db) =>
        new(db.Store, db.Version, TimeProvider.System, NullLogger<BatchUndoService>.Instance);

    /// <summary>Every column of every line, in key order: "as it was" means exactly this.</summary>
    private static string Lines(TempDatabase db)
    {
        using var connection = db.Store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM order_lines ORDER BY order_id, sku;";
        using var reader = command.ExecuteReader();
        var text = new System.Text.StringBuilder();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    [Fact]
    public void UndoingABatchRemovesTheLinesItInsertedAndIsRecorded()
    {
        using var db = NewDatabase();
        var batch = db.Import(new AmazonCsv().Line("A-1").Line("A-2").Line("A-3", sku: "X-1-M").ToString());
        var versionBefore = db.Version.Current;

        var result = Undoer(db).Undo(batch.BatchId!.Value);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((3, 0, 0), (result.LinesRemoved, result.LinesRestored, result.PurchasesRemoved));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM order_lines"));
        Assert.Equal(1, db.Scalar($"SELECT COUNT(*) FROM import_batches WHERE id = {batch.BatchId} AND state = 'Undone' AND undone_at IS NOT NULL"));
        Assert.True(db.Version.Current > versionBefore, "the dashboards' caches must see the undo");
    }

    [Fact]
    public void UndoingAnUpdatingBatchPutsBackEveryValueTheLinesHadBefore()
    {
        using var db = NewDatabase();
        db.Import(new AmazonCsv()
            .Line("A-1", status: "Pending", courier: "Unshipped", amount: "100.00")
            .Line("A-2", status: "Shipped")
            .Line("A-3", status: "Pending", courier: "Unshipped", city: "pune").ToString(), "first.csv");
        var before = Lines(db);

        var second = db.Import(new AmazonCsv()
            .Line("A-1", status: "Cancelled", courier: "", amount: "", currency: "")
            .Line("A-2", status: "Shipped")                       // unchanged
            .Line("A-3", status: "Shipped", city: "PUNE")          // changed ...
            .Line("A-3", status: "Shipped - Delivered to Buyer")   // ... twice in one file: the later row wins
            .Line("A-4").Line("A-5").ToString(), "second.csv");
        Assert.Equal((2, 2, 1), (second.Inserted, second.Updated, second.Unchanged));
        Assert.Equal(2, db.Scalar($"SELECT COUNT(*) FROM order_line_versions WHERE changed_by_batch_id = {second.BatchId}"));

        var result = Undoer(db).Undo(second.BatchId!.Value);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((2, 2), (result.LinesRemoved, result.LinesRestored));
        Assert.Equal(before, Lines(db));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM order_line_versions"));
    }

    [Fact]
    public void ABatchWhoseLinesALaterBatchChangedIsUndoneOnlyAfterThatBatch()
    {
        using var db = NewDatabase();
        var first = db.Import(new AmazonCsv().Line("A-1", status: "Pending", courier: "Unshipped").Line("A-2").ToString(), "first.csv");
        var second = db.Import(new AmazonCsv().Line("A-1", status: "Cancelled", courier: "").Line("B-1").ToString(), "second.csv");
        var afterBoth = Lines(db);

        var refused = Undoer(db).Undo(first.BatchId!.Value);

        Assert.False(refused.Succeeded);
        Assert.Contains($"batch {second.BatchId} ('second.csv') changed 1 of its lines", refused.Error);
        Assert.Contains($"Undo batch {second.BatchId} first", refused.Error);
        Assert.Equal(afterBoth, Lines(db));
        Assert.Equal(1, db.Scalar($"SELECT COUNT(*) FROM import_batches WHERE id = {first.BatchId} AND state = 'Succeeded'"));

        Assert.True(Undoer(db).Undo(second.BatchId!.Value).Succeeded);
        var thenFirst = Undoer(db).Undo(first.BatchId.Value);

        Assert.True(thenFirst.Succeeded, thenFirst.Error);
        Assert.Equal(2, thenFirst.LinesRemoved);
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM order_lines"));
    }

    [Fact]
    public void ALaterBatchThatOnlyRepeatsLinesUnchangedDoesNotBlockTheUndo()
    {
        using var db = NewDatabase();
        var first = db.Import(new AmazonCsv().Line("A-1").Line("A-2").ToString(), "first.csv");
        db.Import(new AmazonCsv().Line("A-1").Line("A-2").Line("B-1").ToString(), "second.csv");

        var result = Undoer(db).Undo(first.BatchId!.Value);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM order_lines"));
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM order_lines WHERE order_id = 'B-1'"));
    }

    [Fact]
    public void UndoingAPurchaseBatchRemovesItsRowsAndTheSameFileCanBeImportedAgain()
    {
        using var db = NewDatabase();
        const string file = """
            Gender,Age,Occupation,City_Category,Stay_In_Current_City_Years,Marital_Status,Product_Category_1,Product_Category_2,Product_Category_3,Purchase
            F,0-17,10,A,2,0,3,,,8370
            M,55+,16,C,4+,0,8,,,7969

            """;
        var batch = db.Import(file, "train.csv");

        var result = Undoer(db).Undo(batch.BatchId!.Value);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, result.PurchasesRemoved);
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM purchases"));
        Assert.True(db.Import(file, "train.csv").Succeeded);
        Assert.Equal(2, db.Scalar("SELECT COUNT(*) FROM purchases"));
    }

    [Fact]
    public void UndoingTwiceAFailedBatchOrAnUnknownBatchIsRefusedAndChangesNothing()
    {
        using var db = NewDatabase();
        var batch = db.Import(new AmazonCsv().Line("A-1").ToString());
        var failed = db.Import("not,a,known,header\n1,2,3,4\n");
        Assert.True(Undoer(db).Undo(batch.BatchId!.Value).Succeeded);
        db.Import(new AmazonCsv().Line("A-1").ToString());
        var lines = Lines(db);

        Assert.Contains("already undone", Undoer(db).Undo(batch.BatchId.Value).Error);
        Assert.Contains("nothing to undo", Undoer(db).Undo(failed.BatchId!.Value).Error);
        Assert.Contains("no batch 999", Undoer(db).Undo(999).Error);
        Assert.Equal(lines, Lines(db));
    }

    [Fact]
    public void ADryRunKeepsNoPreviousValues()
    {
        using var db = NewDatabase();
        db.Import(new AmazonCsv().Line("A-1", status: "Pending").ToString());

        db.Import(new AmazonCsv().Line("A-1", status: "Cancelled").ToString(), options: new ImportOptions { DryRun = true });

        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM order_line_versions"));
    }
}

public sealed class UndoOnSqliteTests() : UndoTests(StoreProvider.Sqlite);

public sealed class UndoOnPostgreSqlTests() : UndoTests(StoreProvider.PostgreSql);
