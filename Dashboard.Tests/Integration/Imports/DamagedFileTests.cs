using Dashboard.Core.Data;
using System.IO.Compression;
using System.Text;
using Dashboard.Core.Imports;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Integration.Imports;

/// <summary>
/// Decision 0015: a truncated or damaged gzip, a file cut short, a decompression bomb and amounts
/// beyond any real order line are refused with a reason, and every refused file leaves the stored tables as they were
/// (hashed, not counted).
/// </summary>
public abstract class DamagedFileTests(StoreProvider provider) : StoreTest(provider)
{
    private const string PurchaseHeader =
        "User_ID,Product_ID,Gender,Age,Occupation,City_Category,Stay_In_Current_City_Years,Marital_Status,Product_Category_1,Product_Category_2,Product_Category_3,Purchase\n";

    private static string Purchases(int rows, int seed = 0)
    {
        var csv = new StringBuilder(PurchaseHeader);
        for (var i = 0; i < rows; i++)
        {
            csv.Append(FormattableString.Invariant($"{1000000 + (i + seed) % 5000},P{i + seed:D8},M,26-35,7,B,2,1,1,11,,{15608 + i}\n"));
        }
        return csv.ToString();
    }

    private static byte[] Gzip(string text) => Gzip(Encoding.UTF8.GetBytes(text));

    private static byte[] Gzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }
        return output.ToArray();
    }

    public static TheoryData<string> Cuts => ["middle", "before the trailer", "inside the trailer", "last byte"];

    private static byte[] Cut(byte[] gz, string where) => where switch
    {
        "middle" => gz[..(gz.Length / 2)],
        "before the trailer" => gz[..^8],
        "inside the trailer" => gz[..^4],
        _ => gz[..^1],
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public void ATruncatedGzipIsRefusedWholeAndChangesNothing(string where)
    {
        using var db = NewDatabase();
        Assert.True(db.Import(Purchases(50, seed: 90_000), "earlier.csv").Succeeded);
        var before = db.TablesHash();
        var gz = Gzip(Purchases(20_000));

        var result = db.Import(Cut(gz, where), "purchases.csv.gz");

        Assert.Equal(BatchState.Failed, result.State);
        Assert.Contains("cut short", result.Error);
        Assert.Equal(before, db.TablesHash());
        // and the whole file, once it arrives, is not refused as "the same file" by the cut copy
        Assert.True(db.Import(gz, "purchases.csv.gz").Succeeded);
    }

    [Fact]
    public void ATruncatedAmazonGzipStoresNoHalfRow()
    {
        using var db = NewDatabase();
        var csv = new AmazonCsv();
        for (var i = 0; i < 5000; i++)
        {
            csv.Line($"A-{i}", amount: "15608.00");
        }
        var before = db.TablesHash();

        var result = db.Import(Gzip(csv.ToString())[..^3], "orders.csv.gz");

        Assert.False(result.Succeeded);
        Assert.Equal(before, db.TablesHash());
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM order_lines"));
    }

    [Theory]
    [InlineData(-8)] // CRC
    [InlineData(-3)] // length
    [InlineData(-1000)] // compressed data
    public void AGzipWhoseContentDoesNotMatchItsChecksumOrLengthIsRefused(int fromEnd)
    {
        using var db = NewDatabase();
        var before = db.TablesHash();
        var gz = Gzip(Purchases(20_000));
        gz[gz.Length + fromEnd] ^= 0x5A;

        var result = db.Import(gz, "purchases.csv.gz");

        Assert.Equal(BatchState.Failed, result.State);
        Assert.Contains("gzip", result.Error);
        Assert.Equal(before, db.TablesHash());
    }

    [Fact]
    public void BytesAfterTheGzipTrailerMakeTheFileDamaged()
    {
        using var db = NewDatabase();
        var gz = Gzip(Purchases(10)).Concat(new byte[] { 1, 2, 3 }).ToArray();

        var result = db.Import(gz, "purchases.csv.gz");

        Assert.False(result.Succeeded);
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM purchases"));
    }

    [Fact]
    public void AWholeGzipIsStillImported()
    {
        using var db = NewDatabase();

        var result = db.Import(Gzip(Purchases(3000)), "purchases.csv.gz");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(3000, result.Inserted);
    }

    [Theory]
    [InlineData("1000004,P00128942,M,26-35,7,B,2,1,1,11,,156")] // the last field cut
    [InlineData("1000004,P00128942,M,26-35,7,B,2,1,1,1")]
    [InlineData("1000004,P00128942,M,26")]
    public void APlainCsvCutShortRejectsItsLastRowWithAReason(string lastLine)
    {
        using var db = NewDatabase();

        var result = db.Import(Purchases(3) + lastLine, "purchases.csv");

        Assert.True(result.Succeeded, result.Error);
        var cutRow = lastLine.Count(c => c == ',') < 11 ? result.Issues.Single() : null;
        if (cutRow is not null)
        {
            Assert.Equal(5, cutRow.Row);
            Assert.Contains("cut short", cutRow.Reason);
            Assert.Equal(3, result.Inserted);
        }
        else
        {
            // with every field there, a missing line break alone is not a fault (many tools write files that way)
            Assert.Equal(4, result.Inserted);
        }
    }

    [Fact]
    public void ALastLineWithoutALineBreakButAllItsFieldsIsKept()
    {
        using var db = NewDatabase();

        var result = db.Import(Purchases(3).TrimEnd('\n'), "purchases.csv");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((3, 0), (result.Inserted, result.Rejected));
    }

    [Fact]
    public void AGzipOfBlankLinesIsRefusedAsABombBeforeItExpandsFar()
    {
        using var db = NewDatabase();
        Assert.True(db.Import(Purchases(5), "earlier.csv").Succeeded);
        var before = db.TablesHash();
        var bomb = Gzip(Encoding.UTF8.GetBytes(PurchaseHeader).Concat(new byte[64 << 20]).Select(b => b == 0 ? (byte)'\n' : b).ToArray());
        var limits = new ImportLimits { RatioCheckAfterBytes = 4 << 20 };
        long largestContent = 0;

        var result = db.Importer(limits: limits).Import(new MemoryStream(bomb), "bomb.csv.gz", null,
            new SynchronousProgress(p => largestContent = Math.Max(largestContent, p.ContentBytesRead)));

        Assert.Equal(BatchState.Failed, result.State);
        Assert.Contains("decompression bomb", result.Error);
        Assert.True(largestContent < 32 << 20, $"stopped at {largestContent:N0} bytes of 64 MB");
        Assert.Equal(before, db.TablesHash());
    }

    [Fact]
    public void BlankLinesCountTowardsTheExpandedSizeLimit()
    {
        using var db = NewDatabase();
        var before = db.TablesHash();
        var text = Purchases(3) + new string('\n', 3 << 20) + Purchases(3, seed: 10)[PurchaseHeader.Length..];

        var result = db.Importer(limits: new ImportLimits { MaxExpandedBytes = 2 << 20 }).Import(
            new MemoryStream(Gzip(text)), "blank.csv.gz");

        Assert.Equal(BatchState.Failed, result.State);
        Assert.Contains("Uploads:MaxExpandedBytes", result.Error);
        Assert.Equal(before, db.TablesHash());
    }

    [Fact]
    public void ProgressCountsDecompressedBytesAndCancellationStopsAFileOfBlankLines()
    {
        using var db = NewDatabase();
        Assert.True(db.Import(Purchases(5), "earlier.csv").Succeeded);
        var before = db.TablesHash();
        var blank = Gzip(Encoding.UTF8.GetBytes(PurchaseHeader).Concat(new byte[16 << 20]).Select(b => b == 0 ? (byte)'\n' : b).ToArray());
        using var cancel = new CancellationTokenSource();
        var reports = new List<ImportProgress>();

        var result = db.Importer().Import(new MemoryStream(blank), "blank.csv.gz", new ImportOptions(), new SynchronousProgress(p =>
        {
            reports.Add(p);
            if (p.ContentBytesRead > 0)
            {
                cancel.Cancel();
            }
        }), cancel.Token);

        Assert.Contains(reports, p => p.RowsRead == 0 && p.ContentBytesRead > 0);
        Assert.Equal(BatchState.Failed, result.State);
        Assert.Contains("cancelled", result.Error);
        Assert.Equal(before, db.TablesHash());
    }

    [Theory]
    [InlineData("10000000.01")]
    [InlineData("92233720368547758.07")]
    [InlineData("79228162514264337593543950335")] // decimal's largest: scaling it by 100 would overflow
    public void AnAmountBeyondTheLargestOrderLineIsRejectedWithAReason(string amount)
    {
        using var db = NewDatabase();

        var result = db.Import(new AmazonCsv().Line("OK-1").Line("BIG-1", amount: amount).ToString());

        Assert.True(result.Succeeded, result.Error);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(("Amount", 3), (issue.Column, issue.Row));
        Assert.Contains("Imports:MaxLineAmount", issue.Reason);
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM order_lines WHERE order_id = 'BIG-1'"));
    }

    [Fact]
    public void TheLargestAcceptedAmountIsKeptExactly()
    {
        using var db = NewDatabase();

        var result = db.Import(new AmazonCsv().Line("MAX-1", amount: "10000000.00").ToString());

        Assert.Equal(1, result.Inserted);
        Assert.Equal(1_000_000_000, db.Scalar("SELECT amount_minor FROM order_lines"));
    }

    [Fact]
    public void APurchaseBeyondTheLimitIsRejectedWithAReason()
    {
        using var db = NewDatabase();

        var result = db.Import(PurchaseHeader + "1000004,P00128942,M,26-35,7,B,2,1,1,11,,2147483647\n1000004,P00128943,M,26-35,7,B,2,1,1,11,,100\n", "p.csv");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((1, 1), (result.Inserted, result.Rejected));
        Assert.Contains("Imports:MaxPurchase", Assert.Single(result.Issues).Reason);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

public sealed class DamagedFileOnSqliteTests() : DamagedFileTests(StoreProvider.Sqlite);

public sealed class DamagedFileOnPostgreSqlTests() : DamagedFileTests(StoreProvider.PostgreSql);
