using Dashboard.Core.Data;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Integration.Imports;

/// <summary>Bad input that <see cref="AmazonImportTests"/> does not cover: a clear message, and the database as it was.</summary>
public abstract class BadInputTests(StoreProvider provider) : StoreTest(provider)
{
    [Fact]
    public void ATenMegabyteFieldRejectsItsRowNamingTheColumnAndStoresNoneOfIt()
    {
        using var db = NewDatabase();
        var huge = new string('x', 10 * 1024 * 1024);

        var result = db.Import(new AmazonCsv().Line("OK-1").Line("HUGE", promotions: huge).Line("OK-2").ToString(), "huge.csv");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((3, 2, 1), (result.RowsRead, result.Inserted, result.Rejected));
        var issue = Assert.Single(result.Issues);
        Assert.Equal((3, "promotion-ids"), (issue.Row, issue.Column));
        Assert.Equal("a value of 10,485,760 characters; the longest accepted is 32,768", issue.Reason);
        Assert.True(issue.Value!.Length <= 201, "the stored value is shortened");
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM order_lines WHERE order_id = 'HUGE'"));
        Assert.True(db.StoredBytes() < 2 * 1024 * 1024, "nothing of the 10 MB was stored");
    }

    [Fact]
    public void ATenMegabyteFieldInAFileOfOnlySuchRowsRefusesTheFileAndChangesNothing()
    {
        using var db = NewDatabase();
        db.Import(new AmazonCsv().Line("KEEP-1").ToString(), "first.csv");
        var before = db.Fingerprint();

        var result = db.Import(new AmazonCsv().Line("HUGE", city: new string('x', 10 * 1024 * 1024)).ToString(), "huge.csv");

        Assert.False(result.Succeeded);
        Assert.Contains("row 2: column 'ship-city'", result.Error);
        Assert.Contains("10,485,760 characters", result.Error);
        Assert.Equal(before, db.Fingerprint());
    }

    [Fact]
    public void AMillionColumnHeaderIsRefusedWithABoundedMessageStoredAndShown()
    {
        using var db = NewDatabase();
        var header = string.Join(',', Enumerable.Range(0, 1_000_000).Select(i => $"c{i}"));

        var result = db.Import(header + "\n1,2,3\n", "wide.csv");

        Assert.False(result.Succeeded);
        Assert.True(result.Error!.Length <= Dashboard.Core.Data.TextLimits.Message, $"{result.Error.Length:N0} characters");
        Assert.StartsWith("The header matches neither format", result.Error);
        Assert.True(db.Scalar("SELECT MAX(LENGTH(error)) FROM import_batches") <= Dashboard.Core.Data.TextLimits.Message);
    }

    [Fact]
    public void AnOverlongFileNameIsStoredCut()
    {
        using var db = NewDatabase();

        var result = db.Import(new AmazonCsv().Line("OK-1").ToString(), new string('n', 100_000) + ".csv");

        Assert.True(result.Succeeded, result.Error);
        Assert.True(db.Scalar("SELECT MAX(LENGTH(file_name)) FROM import_batches") <= Dashboard.Core.Data.TextLimits.FileName);
    }

    [Fact]
    public void AnIssueNamingAHugeColumnIsStoredCut()
    {
        using var db = NewDatabase();
        var csv = AmazonCsv.Header + "," + new string('h', 100_000) + "\n" + new AmazonCsv().Line("OK-1").ToString()[(AmazonCsv.Header.Length + 1)..].TrimEnd('\n') + "," + new string('v', 40_000) + "\n";

        var result = db.Import(csv, "wide.csv");

        Assert.True(db.Scalar("SELECT COALESCE(MAX(LENGTH(column_name)), 0) FROM import_issues") <= Dashboard.Core.Data.TextLimits.Short);
        Assert.True(result.Error is null || result.Error.Length <= Dashboard.Core.Data.TextLimits.Message);
    }

    [Fact]
    public void ALineWithTooManyFieldsIsRejectedNamingItsRowAndTheRestIsKept()
    {
        using var db = NewDatabase();
        var csv = new AmazonCsv().Line("OK-1").Raw(
            "1,TOO-MANY,04-30-22,Shipped,Amazon,Amazon.in,Expedited,JNE3781,JNE3781-KR-L,kurta,L,B09K3WFS32,Shipped,1,INR,406.00,MUMBAI,MAHARASHTRA,400081.0,IN,,False,,,surplus")
            .Line("OK-2");

        var result = db.Import(csv.ToString());

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((3, 2, 1), (result.RowsRead, result.Inserted, result.Rejected));
        var issue = Assert.Single(result.Issues);
        Assert.Equal(3, issue.Row);
        Assert.Contains("25 fields; the header has 24", issue.Reason);
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM order_lines WHERE order_id = 'TOO-MANY'"));
    }

    [Fact]
    public void MixedCurrenciesAreAcceptedListedInThePreviewAndEachAmountKeepsItsCurrency()
    {
        using var db = NewDatabase();
        var csv = new AmazonCsv()
            .Line("IN-1", amount: "406.00", currency: "INR")
            .Line("IN-2", amount: "100.50", currency: "INR")
            .Line("US-1", amount: "12.00", currency: "USD")
            .ToString();

        var preview = db.Import(csv, options: new Dashboard.Core.Imports.ImportOptions { DryRun = true });
        var result = db.Import(csv);

        Assert.Equal(["INR", "USD"], preview.Currencies);
        Assert.Equal(["INR", "USD"], result.Currencies);
        Assert.Equal(3, result.Inserted);
        Assert.Equal(50650, db.Scalar("SELECT SUM(amount_minor) FROM order_lines WHERE currency = 'INR'"));
        Assert.Equal(1200, db.Scalar("SELECT SUM(amount_minor) FROM order_lines WHERE currency = 'USD'"));
    }
}

public sealed class BadInputOnSqliteTests() : BadInputTests(StoreProvider.Sqlite);

public sealed class BadInputOnPostgreSqlTests() : BadInputTests(StoreProvider.PostgreSql);
