using System.Text.Json;
using Dashboard.Core.Orders;
using Dashboard.Core.Imports.Undo;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Cli;

/// <summary>
/// <c>migrate-store --to</c> (decision 0013): a SQLite store with every kind of row — two batches, one of which changed lines
/// of the other (so undo has previous values to put back), purchases, a user and the audit log — copied into an empty
/// PostgreSQL database, where the figures, the sign-in, an undo and the next import work as they did on SQLite.
/// </summary>
public sealed class MigrateStoreTests
{
    private const string Purchases = """
        Gender,Age,Occupation,City_Category,Stay_In_Current_City_Years,Marital_Status,Product_Category_1,Product_Category_2,Product_Category_3,Purchase
        F,0-17,10,A,2,0,3,,,8370
        M,55+,16,C,4+,1,8,,,7969

        """;

    [Fact]
    public async Task TheWholeStoreMovesToPostgreSqlWithItsIdsAndWorksThere()
    {
        using var sqlite = new TempDatabase();
        Assert.True(sqlite.Import(new AmazonCsv().Line("171-1", sku: "A", status: "Shipped").Line("171-2", sku: "B").Line("171-3", sku: "C").ToString(), "first.csv").Succeeded);
        var second = sqlite.Import(new AmazonCsv().Line("171-1", sku: "A", status: "Cancelled").Line("171-4", sku: "D").ToString(), "second.csv");
        Assert.Equal((1, 1), (second.Inserted, second.Updated));
        Assert.True(sqlite.Import(Purchases, "train.csv").Succeeded);
        var audit = new AuditLog(sqlite.Contexts(), TimeProvider.System, NullLogger<AuditLog>.Instance);
        await new UserService(sqlite.Contexts(), Microsoft.Extensions.Options.Options.Create(new AuthOptions()), audit, TimeProvider.System).CreateAsync("ana", "a long password", Role.Admin, "setup");
        Assert.True(await audit.FlushAsync(TimeSpan.FromSeconds(30)));
        var before = await Figures(sqlite);

        var target = TestPostgres.CreateDatabase(migrate: false);
        try
        {
            var result = await WebExecutable.RunAsync(sqlite.ConnectionString, sqlite.Folder, "migrate-store", "--to", target);

            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            using var json = JsonDocument.Parse(result.Stdout);
            Assert.True(json.RootElement.GetProperty("copied").GetBoolean());
            foreach (var table in json.RootElement.GetProperty("tables").EnumerateObject())
            {
                Assert.Equal(table.Value.GetProperty("source").GetInt64(), table.Value.GetProperty("target").GetInt64());
            }
            Assert.Equal(4, json.RootElement.GetProperty("tables").GetProperty("order_lines").GetProperty("target").GetInt64());
            Assert.Equal(1, json.RootElement.GetProperty("tables").GetProperty("order_line_versions").GetProperty("target").GetInt64());

            using var postgres = new Existing(target);
            Assert.Equal(before, await Figures(postgres.Database));
            Assert.Equal(sqlite.TablesHash(), postgres.Database.TablesHash());
            var users = new UserService(postgres.Database.Contexts(), Microsoft.Extensions.Options.Options.Create(new AuthOptions()),
                new AuditLog(postgres.Database.Contexts(), TimeProvider.System, NullLogger<AuditLog>.Instance), TimeProvider.System);
            Assert.Equal(SignInOutcome.Success, (await users.SignInAsync("ANA", "a long password", null)).Outcome);

            // Undo of the second batch puts back line A's status from before it, from the copied previous values.
            var undo = new BatchUndoService(postgres.Database.Store, postgres.Database.Version, TimeProvider.System, NullLogger<BatchUndoService>.Instance)
                .Undo(second.BatchId!.Value);
            Assert.True(undo.Succeeded, undo.Error);
            Assert.Equal((1, 1), (undo.LinesRemoved, undo.LinesRestored));
            Assert.Equal(1, postgres.Database.Scalar("SELECT COUNT(*) FROM order_lines WHERE order_id = '171-1' AND status = 'Shipped'"));
            // The next batch and line get new ids after the copied ones.
            var next = postgres.Database.Import(new AmazonCsv().Line("171-9", sku: "Z").ToString(), "third.csv");
            Assert.True(next.Succeeded, next.Error);
            Assert.True(next.BatchId > second.BatchId);

            // Into a database that holds data, it copies nothing and says why.
            var again = await WebExecutable.RunAsync(sqlite.ConnectionString, sqlite.Folder, "migrate-store", "--to", target);
            Assert.Equal(1, again.ExitCode);
            using var refused = JsonDocument.Parse(again.Stdout);
            Assert.False(refused.RootElement.GetProperty("copied").GetBoolean());
            Assert.Contains("already holds data", refused.RootElement.GetProperty("error").GetString());
            Assert.Equal(4, postgres.Database.Scalar("SELECT COUNT(*) FROM order_lines"));
        }
        finally
        {
            TestPostgres.DropDatabase(target);
        }
    }

    /// <summary>The overview's KPIs over the whole store, as the dashboard computes them.</summary>
    private static async Task<string> Figures(TempDatabase db)
    {
        using var context = db.Context();
        var frame = await OrdersFrame.LoadAsync(context, 1);
        var range = new DateRange(frame.MinDate!.Value, frame.MaxDate!.Value);
        var kpis = OrdersOverviewQuery.Kpis(frame, new CompiledFilter(frame, OrderFilter.None), range).Current;
        return $"{frame.Count} lines, {kpis.Orders} orders, {kpis.Units} units, {kpis.RevenueMinor} revenue";
    }

    /// <summary>A <see cref="TempDatabase"/> over the migrated PostgreSQL database (which the test drops itself).</summary>
    private sealed class Existing(string connectionString) : IDisposable
    {
        public TempDatabase Database { get; } = TempDatabase.Existing(connectionString);

        public void Dispose() => Database.Dispose();
    }
}
