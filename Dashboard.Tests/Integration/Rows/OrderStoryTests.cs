using Dashboard.Core.Data;
using Dashboard.Core.Orders;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Integration.Rows;

/// <summary>One order's story: all its lines, whatever a filter says, and which import set each status and amount.</summary>
public abstract class OrderStoryTests(StoreProvider provider) : StoreTest(provider)
{
    [Fact]
    public async Task EachLineTellsWhichImportSetItsStatusAndAmount()
    {
        using var db = NewDatabase();
        db.Import(new AmazonCsv()
            .Line("405-1", sku: "K-1-L", status: "Pending", amount: "100.00", category: "kurta")
            .Line("405-1", sku: "S-1-M", status: "Pending", amount: "250.00", category: "Set")
            .Line("405-2", sku: "K-2-L").ToString(), "2-june.csv");
        db.Import(new AmazonCsv()
            .Line("405-1", sku: "K-1-L", status: "Cancelled", amount: "", currency: "", courier: "", category: "kurta")
            .Line("405-1", sku: "S-1-M", status: "Pending", amount: "250.00", category: "Set").ToString(), "30-june.csv");
        var q = RowsFixture.Over(db, pastTheFrame: false).Rows;

        var story = await q.OrderAsync("405-1");

        Assert.NotNull(story);
        Assert.Equal(["K-1-L", "S-1-M"], story.Lines.Select(l => l.Line.Sku));
        var kurta = story.Lines[0];
        Assert.Equal([("2-june.csv", "Pending", 100.00m), ("30-june.csv", "Cancelled", (decimal?)null)],
            kurta.History.Select(v => (v.FileName, v.Status, v.Amount)));
        Assert.Equal(StatusGroup.Cancelled, kurta.Line.StatusGroup);
        Assert.True(kurta.History[0].ImportedAt <= kurta.History[1].ImportedAt);
        Assert.Equal([("2-june.csv", "Pending", (decimal?)250.00m)], story.Lines[1].History.Select(v => (v.FileName, v.Status, v.Amount)));
        Assert.Null(await q.OrderAsync("no-such-order"));
    }
}

public sealed class OrderStoryOnSqliteTests() : OrderStoryTests(StoreProvider.Sqlite);

public sealed class OrderStoryOnPostgreSqlTests() : OrderStoryTests(StoreProvider.PostgreSql);
