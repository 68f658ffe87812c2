using Dashboard.Core.Data;
using Dashboard.Core.Imports;
using Dashboard.Core.Orders;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Integration.Data;

public abstract class DataVersionTests(StoreProvider provider) : StoreTest(provider)
{
    [Fact]
    public void AChangeCommittedByAnotherProcessMovesThisOneOnOnceAndItsOwnChangesAreNotCountedTwice()
    {
        using var db = NewDatabase();
        var dashboard = new DataVersion(); // the dashboard's process; db.Import writes as another process would
        using var connection = db.Store.OpenConnection();
        Assert.False(dashboard.CatchUp(connection)); // the first look only learns the stored count

        db.Import(new AmazonCsv().Line("A-1").ToString());
        var before = dashboard.Current;

        Assert.True(dashboard.CatchUp(connection));
        Assert.Equal(before + 1, dashboard.Current);
        Assert.False(dashboard.CatchUp(connection));

        var own = new ImportService(db.Store, new StatusGroupMapping(), dashboard, TimeProvider.System, NullLogger<ImportService>.Instance, LargeStoreUpkeep.Always);
        own.Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(new AmazonCsv().Line("A-2").ToString())), "own.csv");
        var afterOwn = dashboard.Current;

        Assert.Equal(before + 2, afterOwn); // moved on by its own import ...
        Assert.False(dashboard.CatchUp(connection)); // ... and not once more by the watcher
        Assert.Equal(afterOwn, dashboard.Current);
    }

    [Fact]
    public void ARefusedImportDoesNotCountAsAChange()
    {
        using var db = NewDatabase();
        var dashboard = new DataVersion();
        using var connection = db.Store.OpenConnection();
        dashboard.CatchUp(connection);

        Assert.False(db.Import("name,price\nshirt,10\n").Succeeded);

        Assert.False(dashboard.CatchUp(connection));
    }
}

public sealed class DataVersionOnSqliteTests() : DataVersionTests(StoreProvider.Sqlite);

public sealed class DataVersionOnPostgreSqlTests() : DataVersionTests(StoreProvider.PostgreSql);
