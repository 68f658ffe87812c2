using Dashboard.Core.Data;
using System.IO.Compression;
using System.Text;
using Dashboard.Core.Imports;
using Dashboard.Core.Orders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Integration.Imports;

public abstract class AmazonImportTests(StoreProvider provider) : StoreTest(provider)
{
    [Fact]
    public async Task EveryQuirkOfTheRealExportIsReadAsMeant()
    {
        using var db = NewDatabase();
        var promotions = "Amazon PLCC Free-Financing Universal Merchant AAT-WNKTBO3K27EJC,IN Core Free Shipping 2015/04/08 23-48-5-108";
        var csv = new AmazonCsv()
            .Line("405-8078784-5731545", "SET389-KR-NP-S", date: "04-30-22", status: "Cancelled", amount: "", currency: "",
                qty: "0", category: "Set", size: "S", city: "navi mumbai,", state: "RJ", postal: "400081.0", courier: "",
                fulfilment: "Merchant", level: "Standard", fulfilledBy: "Easy Ship", junk: "False")
            .Line("171-9198151-1101146", "JNE3781-KR-XXXL", date: "03-31-22", status: "Shipped - Delivered to Buyer",
                amount: "406.0", size: "3XL", city: "BENGALURU", state: "KARNATAKA", postal: "560085.0", promotions: promotions, b2b: "True");

        var result = db.Import(csv.ToString());

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(DataFormat.AmazonOrders, result.Format);
        Assert.Equal((2, 2, 0), (result.RowsRead, result.Inserted, result.Rejected));
        Assert.Equal(new DateOnly(2022, 3, 31), result.FirstDate);
        Assert.Equal(new DateOnly(2022, 4, 30), result.LastDate);
        Assert.Equal(["INR"], result.Currencies);

        await using var context = db.Context();
        var lines = await context.OrderLines.OrderBy(l => l.Date).ToListAsync();
        var delivered = lines[0];
        Assert.Equal(new DateOnly(2022, 3, 31), delivered.Date);
        Assert.Equal(StatusGroup.Delivered, delivered.StatusGroup);
        Assert.Equal(40600, delivered.AmountMinor);
        Assert.Equal(406.00m, delivered.Amount);
        Assert.Equal(560085, delivered.PostalCode);
        Assert.Equal(promotions, await context.PromotionLists.Where(p => p.Id == delivered.PromotionListId).Select(p => p.Ids).SingleAsync());
        Assert.True(delivered.B2B);
        Assert.Equal("Amazon.in", delivered.SalesChannel);

        var cancelled = lines[1];
        Assert.Equal(StatusGroup.Cancelled, cancelled.StatusGroup);
        Assert.Null(cancelled.AmountMinor);
        Assert.Null(cancelled.Currency);
        Assert.Null(cancelled.CourierStatus);
        Assert.Equal(("navi mumbai,", "Navi Mumbai"), (cancelled.CityRaw, cancelled.City));
        Assert.Equal(("RJ", "Rajasthan"), (cancelled.StateRaw, cancelled.State));
        Assert.Equal(400081, cancelled.PostalCode);
        Assert.Equal("Easy Ship", cancelled.FulfilledBy);
        Assert.Equal(0, cancelled.SourceIndex);
    }

    [Fact]
    public void ImportingTheSameFileAgainInsertsNothingAndChangesNothing()
    {
        using var db = NewDatabase();
        var csv = new AmazonCsv().Line("A-1", "S1").Line("A-1", "S2").Line("A-2", "S1", status: "Cancelled").ToString();
        var first = db.Import(csv);
        var before = db.Fingerprint();

        var second = db.Import(csv);

        Assert.Equal((3, 0, 0), (first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 3), (second.Inserted, second.Updated, second.Unchanged));
        Assert.Equal(before.Replace("issues=0", ""), db.Fingerprint().Replace("issues=0", ""));
        Assert.Equal(3, db.Scalar("SELECT COUNT(*) FROM order_lines"));
    }

    [Fact]
    public void NewerOverlappingExportUpdatesChangedLinesAndReportsStatusChanges()
    {
        using var db = NewDatabase();
        db.Import(new AmazonCsv()
            .Line("A-1", status: "Pending", courier: "Unshipped")
            .Line("A-2", status: "Pending", courier: "Unshipped")
            .Line("A-3", status: "Shipped").ToString());

        var result = db.Import(new AmazonCsv()
            .Line("A-1", status: "Cancelled", courier: "Cancelled")
            .Line("A-2", status: "Cancelled", courier: "Cancelled")
            .Line("A-3", status: "Shipped")
            .Line("A-4", status: "Pending", courier: "Unshipped").ToString());

        Assert.Equal((1, 2, 1), (result.Inserted, result.Updated, result.Unchanged));
        Assert.Equal([new StatusChange("Pending", "Cancelled", 2)], result.StatusChanges);
        Assert.Equal(4, db.Scalar("SELECT COUNT(*) FROM order_lines"));
        Assert.Equal(2, db.Scalar("SELECT COUNT(*) FROM order_lines WHERE status_group = 'Cancelled'"));
    }

    [Fact]
    public void RepeatedKeyInOneFileKeepsTheLastRowReportsTheRepeatAndReimportsAsUnchanged()
    {
        using var db = NewDatabase();
        var csv = new AmazonCsv()
            .Line("A-1", "S1", amount: "100.00")
            .Line("A-2", "S1")
            .Line("A-1", "S1", amount: "150.00", status: "Shipped - Delivered to Buyer").ToString();

        var first = db.Import(csv);
        var again = db.Import(csv);

        Assert.Equal((3, 2, 1), (first.RowsRead, first.Inserted, first.Duplicates));
        var repeat = Assert.Single(first.Issues);
        Assert.Equal((IssueKind.Duplicate, 4), (repeat.Kind, repeat.Row));
        Assert.Contains("repeats row 2", repeat.Reason);
        Assert.Equal(15000, db.Scalar("SELECT amount_minor FROM order_lines WHERE order_id = 'A-1'"));
        Assert.Equal((0, 0, 2, 1), (again.Inserted, again.Updated, again.Unchanged, again.Duplicates));
        Assert.Empty(again.StatusChanges);
    }

    [Fact]
    public void BadRowsAreRejectedNamingRowColumnValueAndReasonAndTheRestIsKept()
    {
        using var db = NewDatabase();
        var csv = new AmazonCsv()
            .Line("OK-1")
            .Line("BAD-DATE", date: "02-30-22")
            .Line("FUTURE", date: "12-01-22")
            .Line("THOUSANDS", amount: "1,234.00")
            .Line("NEGATIVE", amount: "-5.00")
            .Line("QTY", qty: "two")
            .Line("TEXT-AMOUNT", amount: "n/a")
            .Line("NOCURRENCY", currency: "")
            .Raw("7,SHORT,04-30-22,Shipped")
            .Line("OK-2");

        var result = db.Import(csv.ToString());

        Assert.True(result.Succeeded);
        Assert.Equal((10, 2, 8), (result.RowsRead, result.Inserted, result.Rejected));
        var byRow = result.Issues.ToDictionary(i => i.Row);
        Assert.Equal(("Date", "02-30-22", "no such date"), (byRow[3].Column, byRow[3].Value, byRow[3].Reason));
        Assert.Equal(("Date", "12-01-22", "the date lies in the future"), (byRow[4].Column, byRow[4].Value, byRow[4].Reason));
        Assert.Equal(("Amount", "1,234.00"), (byRow[5].Column, byRow[5].Value));
        Assert.Contains("thousands separators", byRow[5].Reason);
        Assert.Equal(("Amount", "a negative amount"), (byRow[6].Column, byRow[6].Reason));
        Assert.Equal(("Qty", "two"), (byRow[7].Column, byRow[7].Value));
        Assert.Equal(("Amount", "n/a"), (byRow[8].Column, byRow[8].Value));
        Assert.Equal("currency", byRow[9].Column);
        Assert.Contains("4 fields; the header has 24", byRow[10].Reason);
        Assert.Equal(8, db.Scalar($"SELECT COUNT(*) FROM import_issues WHERE batch_id = {result.BatchId} AND kind = 'Rejected'"));
        Assert.Equal(2, db.Scalar("SELECT COUNT(*) FROM order_lines"));
    }

    public static TheoryData<string, byte[], string> FilesRefusedWhole => new()
    {
        { "empty file", [], "empty" },
        { "header only", Encoding.UTF8.GetBytes(AmazonCsv.Header + "\n"), "header but no rows" },
        { "unknown header", Encoding.UTF8.GetBytes("name,price\nshirt,10\n"), "matches neither format" },
        { "semicolons", Encoding.UTF8.GetBytes(AmazonCsv.Header.Replace(',', ';') + "\n1;2\n"), "separated by semicolons" },
        { "tabs", Encoding.UTF8.GetBytes(AmazonCsv.Header.Replace(',', '\t') + "\n1\t2\n"), "separated by tabs" },
        { "missing columns", Encoding.UTF8.GetBytes("Order ID,Date,Status,SKU,Amount\nA,04-30-22,Shipped,S,1\n"), "lacks the column(s)" },
        { "duplicated column", Encoding.UTF8.GetBytes(AmazonCsv.Header + ",Amount\n"), "names the column 'Amount' twice" },
        { "xlsx renamed", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "ZIP archive" },
        { "latin-1 bytes", Encoding.Latin1.GetBytes(new AmazonCsv().Line("A-1", city: "Talegàon").ToString()), "not UTF-8" },
        { "unbalanced quote", Encoding.UTF8.GetBytes(new AmazonCsv().Line("A-1").Raw("1,\"A-2,04-30-22").Line("A-3").ToString()), "never closed" },
        { "broken gzip", [0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02, 0x03], "gzip" },
        { "binary garbage (a PNG renamed)", PngBytes, "not UTF-8" },
        { "gzip that holds no CSV", Gzip(PngBytes), "not UTF-8" },
        { "gzip that holds other text", Gzip(Encoding.UTF8.GetBytes("hello\nworld\n")), "matches neither format" },
        { "every row bad", Encoding.UTF8.GetBytes(new AmazonCsv().Line("A-1", date: "2022-04-30").ToString()), "None of the 1 rows" },
    };

    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xC3, 0x00, 0xFF];

    private static byte[] Gzip(byte[] bytes)
    {
        using var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(bytes);
        }
        return gz.ToArray();
    }

    [Theory]
    [MemberData(nameof(FilesRefusedWhole))]
    public void AFileThatCannotBeReadIsRefusedWithAClearMessageAndNothingChanges(string name, byte[] bytes, string message)
    {
        using var db = NewDatabase();
        db.Import(new AmazonCsv().Line("KEEP-1").Line("KEEP-2").ToString());
        var before = db.Fingerprint();

        var result = db.Import(bytes, $"{name}.csv");

        Assert.Equal(BatchState.Failed, result.State);
        Assert.Contains(message, result.Error);
        Assert.Equal(before, db.Fingerprint());
        Assert.Equal("Failed", db.Scalar($"SELECT COUNT(*) FROM import_batches WHERE id = {result.BatchId} AND state = 'Failed'") == 1 ? "Failed" : "not recorded");
    }

    [Fact]
    public void UnknownHeaderMessageNamesExpectedAndFoundColumns()
    {
        using var db = NewDatabase();
        var result = db.Import("name,price\nshirt,10\n");
        Assert.Contains("'Order ID'", result.Error);
        Assert.Contains("'Gender'", result.Error);
        Assert.Contains("Found: 'name', 'price'", result.Error);
    }

    [Fact]
    public void GzipAndByteOrderMarksAreRead()
    {
        using var db = NewDatabase();
        var text = new AmazonCsv().Line("GZ-1").ToString();
        using var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }
        Assert.True(db.Import(gz.ToArray(), "export.csv.gz").Succeeded);
        Assert.True(db.Import(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.Replace("GZ-1", "BOM-1"))).ToArray()).Succeeded);
        Assert.True(db.Import(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text.Replace("GZ-1", "UTF16-1"))).ToArray()).Succeeded);
        Assert.Equal(3, db.Scalar("SELECT COUNT(*) FROM order_lines"));
    }

    [Fact]
    public void CancellingHalfwayLeavesTheDatabaseAsItWasAndMarksTheBatchFailed()
    {
        using var db = NewDatabase();
        db.Import(new AmazonCsv().Line("KEEP-1").ToString());
        var before = db.Fingerprint();
        var big = new AmazonCsv();
        for (var i = 0; i < 3000; i++)
        {
            big.Line($"BIG-{i}");
        }
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.RowsRead >= 1000)
            {
                cancel.Cancel();
            }
        });

        var result = db.Importer().Import(new MemoryStream(Encoding.UTF8.GetBytes(big.ToString())), "big.csv",
            new ImportOptions { ProgressEvery = 500 }, progress, cancel.Token);

        Assert.Equal(BatchState.Failed, result.State);
        Assert.Contains("cancelled", result.Error);
        Assert.Equal(before, db.Fingerprint());
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM import_batches WHERE state = 'Failed'"));
    }

    [Fact]
    public void AFatalErrorAtTheEndOfALargeFileKeepsNoneOfItsRows()
    {
        using var db = NewDatabase();
        var big = new AmazonCsv();
        for (var i = 0; i < 2000; i++)
        {
            big.Line($"BIG-{i}");
        }
        big.Raw("2000,\"BIG-2000,04-30-22,Shipped");

        var result = db.Import(big.ToString());

        Assert.Equal(BatchState.Failed, result.State);
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM order_lines"));
    }

    [Fact]
    public void DryRunCountsEverythingAndKeepsNothing()
    {
        using var db = NewDatabase();
        db.Import(new AmazonCsv().Line("A-1", status: "Pending").ToString());
        var before = db.Fingerprint();

        var preview = db.Import(new AmazonCsv().Line("A-1", status: "Cancelled").Line("A-2").Line("BAD", date: "x").ToString(),
            options: new ImportOptions { DryRun = true });

        Assert.True(preview.DryRun);
        Assert.Null(preview.BatchId);
        Assert.Equal((1, 1, 1), (preview.Inserted, preview.Updated, preview.Rejected));
        Assert.Equal([new StatusChange("Pending", "Cancelled", 1)], preview.StatusChanges);
        Assert.Equal(before, db.Fingerprint());
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM import_batches"));
    }

    [Fact]
    public void BatchesLeftRunningByAStoppedProcessAreMarkedFailed()
    {
        using var db = NewDatabase();
        db.Scalar("INSERT INTO import_batches (file_name, format, state, started_at) VALUES ('x.csv', 'AmazonOrders', 'Running', '2022-07-01 10:00:00'); SELECT 1;");

        Assert.Equal(1, db.Importer().MarkInterruptedBatches());
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM import_batches WHERE state = 'Failed' AND error LIKE '%interrupted%'"));
    }

    [Fact]
    public void SampleLinesAreReplacedByTheFirstRealImport()
    {
        using var db = NewDatabase();
        db.Import(new AmazonCsv().Line("SAMPLE-1").Line("SAMPLE-2").ToString(), "sample.csv", new ImportOptions { IsSample = true });
        Assert.Equal(2, db.Scalar("SELECT COUNT(*) FROM order_lines WHERE is_sample = TRUE"));

        db.Import(new AmazonCsv().Line("REAL-1").ToString());

        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM order_lines WHERE is_sample = TRUE"));
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM order_lines"));
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

public sealed class AmazonImportOnSqliteTests() : AmazonImportTests(StoreProvider.Sqlite);

public sealed class AmazonImportOnPostgreSqlTests() : AmazonImportTests(StoreProvider.PostgreSql);
