using Dashboard.Core.Data;
using Dashboard.Core.Imports;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Integration.Imports;

public abstract class PurchaseImportTests(StoreProvider provider) : StoreTest(provider)
{
    private const string TrainingWithoutIds = """
        Gender,Age,Occupation,City_Category,Stay_In_Current_City_Years,Marital_Status,Product_Category_1,Product_Category_2,Product_Category_3,Purchase
        F,0-17,10,A,2,0,3,,,8370
        F,0-17,10,A,2,0,1,6,14,15200
        M,55+,16,C,4+,0,8,,,7969

        """;

    private const string ToScoreWithIds = "User_ID,Product_ID,Gender,Age,Occupation,City_Category,Stay_In_Current_City_Years,Marital_Status,Product_Category_1,Product_Category_2,Product_Category_3\r\n" +
        "1000004,P00128942,M,46-50,7,B,2,1,1,11,\r\n" +
        "1000009,P00113442,M,26-35,17,C,0,0,3,5,\r\n";

    [Fact]
    public void ManyRowsAreAllStoredInFileOrderWhateverTheirCountPerStatement()
    {
        using var db = NewDatabase();
        var csv = new System.Text.StringBuilder("Gender,Age,Occupation,City_Category,Stay_In_Current_City_Years,Marital_Status,Product_Category_1,Product_Category_2,Product_Category_3,Purchase\n");
        for (var i = 1; i <= 200; i++)
        {
            csv.Append(System.FormattableString.Invariant($"F,0-17,10,A,2,0,3,,,{i}\n"));
        }

        var result = db.Import(csv.ToString(), "many.csv");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(200, result.Inserted);
        Assert.Equal(200 * 201 / 2, db.Scalar("SELECT SUM(purchase) FROM purchases"));
        // ids follow the file's order (the model's split relies on it), across full statements and the remainder
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM purchases WHERE purchase <> source_row OR id - (SELECT MIN(id) FROM purchases) + 1 <> source_row"));
    }

    [Fact]
    public async Task TrainingRowsWithoutIdsAreStoredWithTheirPurchase()
    {
        using var db = NewDatabase();

        var result = db.Import(TrainingWithoutIds, "train.csv");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(DataFormat.Purchases, result.Format);
        Assert.Equal(3, result.Inserted);
        Assert.Equal(8370 + 15200 + 7969, db.Scalar("SELECT SUM(purchase) FROM purchases"));
        await using var context = db.Context();
        var rows = await context.Purchases.OrderBy(p => p.SourceRow).ToListAsync();
        Assert.All(rows, r => Assert.Null(r.UserId));
        Assert.Equal((1, 6, 14), (rows[1].ProductCategory1, rows[1].ProductCategory2, rows[1].ProductCategory3));
        Assert.Equal(("M", "55+", 4, false), (rows[2].Gender, rows[2].AgeBand, rows[2].StayYears, rows[2].Married));
        Assert.Null(rows[0].ProductCategory2);
    }

    [Fact]
    public async Task AFileWithoutPurchaseIsStoredAsRowsToScore()
    {
        using var db = NewDatabase();

        var result = db.Import(ToScoreWithIds, "test.csv");

        Assert.Equal(DataFormat.PurchasesToScore, result.Format);
        await using var context = db.Context();
        var rows = await context.Purchases.OrderBy(p => p.SourceRow).ToListAsync();
        Assert.All(rows, r => Assert.True(r.IsToScore));
        Assert.All(rows, r => Assert.Null(r.Purchase));
        Assert.Equal((1000004, "P00128942"), (rows[0].UserId, rows[0].ProductId));
    }

    [Fact]
    public void TheSameFileTwiceIsRefusedSayingWhenItWasImported()
    {
        using var db = NewDatabase();
        var first = db.Import(TrainingWithoutIds, "train.csv");
        var before = db.Fingerprint();

        var second = db.Import(TrainingWithoutIds, "train-copy.csv");

        Assert.Equal(BatchState.Failed, second.State);
        Assert.Contains($"already imported as batch {first.BatchId} ('train.csv'", second.Error);
        Assert.Equal(before, db.Fingerprint());
    }

    [Fact]
    public void ValuesOutsideTheirDomainAreRejectedByRowAndColumn()
    {
        using var db = NewDatabase();
        var csv = TrainingWithoutIds
            + "X,26-35,1,A,1,0,1,,,100\n"
            + "M,60,1,A,1,0,1,,,100\n"
            + "M,26-35,1,D,1,0,1,,,100\n"
            + "M,26-35,1,A,5,0,1,,,100\n"
            + "M,26-35,1,A,1,2,1,,,100\n"
            + "M,26-35,1,A,1,0,1,,,-3\n"
            + "M,26-35,1,A,1,0,1,8.0,,100\n";

        var result = db.Import(csv, "train.csv");

        Assert.Equal((10, 4, 6), (result.RowsRead, result.Inserted, result.Rejected));
        Assert.Equal(["Gender", "Age", "City_Category", "Stay_In_Current_City_Years", "Marital_Status", "Purchase"],
            result.Issues.Select(i => i.Column));
        Assert.Equal(5, result.Issues[0].Row);
    }
}

public sealed class PurchaseImportOnSqliteTests() : PurchaseImportTests(StoreProvider.Sqlite);

public sealed class PurchaseImportOnPostgreSqlTests() : PurchaseImportTests(StoreProvider.PostgreSql);
