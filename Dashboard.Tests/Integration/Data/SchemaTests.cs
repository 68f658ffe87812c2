using Dashboard.Core.Data;
using Dashboard.Core.Data.Schema;
using Dashboard.Core.Orders;
using Dashboard.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Integration.Data;

/// <summary>Upgrades of databases written by earlier versions (which ran on SQLite only).</summary>
public class SchemaTests
{
    private static readonly SchemaMigrator Migrator = new(NullLogger<SchemaMigrator>.Instance);

    [Fact]
    public async Task PromotionIdsWrittenBeforeStepFiveMoveToPromotionListsUnchanged()
    {
        using var db = new TempDatabase(migrate: false);
        Assert.Equal(4, Migrator.Migrate(db.Store, targetVersion: 4));
        const string shipping = "IN Core Free Shipping 2015/04/08 23-48-5-108";
        const string financing = "Amazon PLCC Free-Financing Universal Merchant AAT-WNKTBO3K27EJC,IN Core Free Shipping 2015/04/08 23-48-5-108";
        using (var connection = db.Store.OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                INSERT INTO import_batches (file_name, format, state, started_at) VALUES ('a.csv', 'AmazonOrders', 'Succeeded', '2022-07-01 10:00:00');
                INSERT INTO import_batches (file_name, format, state, started_at) VALUES ('b.csv', 'AmazonOrders', 'Succeeded', '2022-07-02 10:00:00');
                INSERT INTO order_lines (order_id, sku, order_date, status, status_group, fulfilment, sales_channel, service_level,
                    style, category, size, asin, qty, promotion_ids, b2b, batch_id, content_hash)
                VALUES ('O-1', 'S-1', '2022-04-30', 'Shipped', 'Shipped', 'Amazon', 'Amazon.in', 'Expedited', 'S', 'kurta', 'L', 'B0', 1, '{shipping}', 0, 2, 1),
                       ('O-2', 'S-1', '2022-04-30', 'Shipped', 'Shipped', 'Amazon', 'Amazon.in', 'Expedited', 'S', 'kurta', 'L', 'B0', 1, '{shipping}', 0, 1, 2),
                       ('O-3', 'S-1', '2022-04-30', 'Shipped', 'Shipped', 'Amazon', 'Amazon.in', 'Expedited', 'S', 'kurta', 'L', 'B0', 1, NULL, 0, 1, 3);
                INSERT INTO order_line_versions (changed_by_batch_id, id, order_id, sku, order_date, status, status_group, fulfilment, sales_channel,
                    service_level, style, category, size, asin, qty, promotion_ids, b2b, batch_id, content_hash)
                VALUES (2, 1, 'O-1', 'S-1', '2022-04-30', 'Pending', 'Pending', 'Amazon', 'Amazon.in', 'Expedited', 'S', 'kurta', 'L', 'B0', 1, '{financing}', 0, 1, 9);
                """;
            command.ExecuteNonQuery();
        }

        Migrator.Migrate(db.Store);

        Assert.Equal(2, db.Scalar("SELECT COUNT(*) FROM promotion_lists"));
        await using var context = db.Context();
        var lines = await context.OrderLines.OrderBy(l => l.OrderId)
            .Select(l => context.PromotionLists.Where(p => p.Id == l.PromotionListId).Select(p => p.Ids).FirstOrDefault()).ToListAsync();
        Assert.Equal([shipping, shipping, null], lines);
        Assert.Equal(1, db.Scalar($"SELECT COUNT(*) FROM order_line_versions v JOIN promotion_lists p ON p.id = v.promotion_list_id WHERE p.ids = '{financing}'"));
    }

    [Fact]
    public async Task ADatabaseWrittenByTheFirstVersionUpgradesWithoutLosingRows()
    {
        using var db = new TempDatabase(migrate: false);
        Assert.Equal(1, Migrator.Migrate(db.Store, targetVersion: 1));
        using (var connection = db.Store.OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO import_batches (file_name, format, state, started_at, rows_read, inserted)
                VALUES ('old.csv', 'AmazonOrders', 'Succeeded', '2022-07-01 10:00:00', 1, 1);
                INSERT INTO order_lines (order_id, sku, order_date, status, status_group, fulfilment, sales_channel, service_level,
                    style, category, size, asin, qty, currency, amount_minor, b2b, batch_id, content_hash)
                VALUES ('OLD-1', 'S-1', '2022-04-30', 'Shipped', 'Shipped', 'Amazon', 'Amazon.in', 'Expedited',
                    'S', 'kurta', 'L', 'B0', 1, 'INR', 40600, 0, 1, 42);
                INSERT INTO purchases (gender, age_band, occupation, city_category, stay_years, married, product_category_1,
                    purchase, is_to_score, batch_id, source_row)
                VALUES ('F', '0-17', 10, 'A', 2, 0, 3, 8370, 0, 1, 1);
                """;
            command.ExecuteNonQuery();
        }

        var version = Migrator.Migrate(db.Store);

        Assert.Equal(SchemaSteps.All[^1].Version, version);
        await using var context = db.Context();
        var line = await context.OrderLines.SingleAsync();
        Assert.Equal(("OLD-1", 406.00m, StatusGroup.Shipped), (line.OrderId, line.Amount, line.StatusGroup));
        Assert.Equal(8370, (await context.Purchases.SingleAsync()).Purchase);
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'ix_order_lines_date_id'"));

        // and the upgraded database takes new imports as usual
        Assert.True(db.Import(new AmazonCsv().Line("NEW-1").ToString()).Succeeded);
        Assert.Equal(2, await context.OrderLines.CountAsync());
    }

}

/// <summary>What the schema steps make on each store: the tables EF reads, and the refusals of the migrator.</summary>
public abstract class StoreSchemaTests(StoreProvider provider) : StoreTest(provider)
{
    private static readonly SchemaMigrator Migrator = new(NullLogger<SchemaMigrator>.Instance);

    [Fact]
    public void TheEfModelMatchesTheTablesTheSchemaStepsCreate()
    {
        using var db = NewDatabase();
        using var context = db.Context();
        using var connection = db.Store.OpenConnection();

        foreach (var entity in context.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var columns = new Dictionary<string, bool>();
            using var command = connection.CreateCommand();
            command.CommandText = Provider == StoreProvider.Sqlite
                ? $"SELECT name, \"notnull\" = 0 FROM pragma_table_info('{table}');"
                : $"SELECT column_name, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}';";
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    columns[reader.GetString(0)] = reader.GetBoolean(1); // nullable
                }
            }
            Assert.True(columns.Count > 0, $"table {table} is missing");
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName();
                Assert.True(columns.ContainsKey(column), $"{table}.{column} is missing");
                if (!property.IsPrimaryKey())
                {
                    Assert.True(property.IsNullable == columns[column], $"{table}.{column}: nullability differs");
                }
            }
            foreach (var index in entity.GetIndexes())
            {
                Assert.Equal(1, db.Scalar(Provider == StoreProvider.Sqlite
                    ? $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = '{index.GetDatabaseName()}'"
                    : $"SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = '{index.GetDatabaseName()}'"));
            }
        }
    }

    [Fact]
    public void MigratingTwiceChangesNothing()
    {
        using var db = NewDatabase();
        var latest = SchemaSteps.All[^1].Version;
        Assert.Equal(latest, Migrator.Migrate(db.Store));
        Assert.Equal(SchemaSteps.All.Count, db.Scalar("SELECT COUNT(*) FROM schema_migrations")); // one row per step (versions may have gaps between branches)
    }

    [Fact]
    public void ADatabaseFromANewerVersionIsRefusedRatherThanDamaged()
    {
        using var db = NewDatabase();
        db.Scalar("INSERT INTO schema_migrations VALUES (999, 'from the future', '2030-01-01')");

        var error = Assert.Throws<InvalidOperationException>(() => Migrator.Migrate(db.Store));
        Assert.Contains("newer than this version", error.Message);
    }

    [Fact]
    public void StepVersionsAreUniqueAndAscending()
    {
        var versions = SchemaSteps.All.Select(s => s.Version).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.Equal(1, versions[0]);
    }

    [Fact]
    public void AnEditedStatusMappingIsAppliedToTheStoredLinesAtStart()
    {
        using var db = NewDatabase();
        db.Import(new AmazonCsv().Line("A-1", status: "Shipping").Line("A-2", status: "Cancelled").ToString());
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM order_lines WHERE status_group = 'Pending'"));

        var edited = new Dictionary<string, StatusGroup>(StatusGroupMapping.Default) { ["Shipping"] = StatusGroup.Shipped };
        var mapping = new StatusGroupMapping(edited);
        new StoreInitializer(db.Store, Migrator, mapping, db.Importer(mapping), LargeStoreUpkeep.Always, db.Version, NullLogger<StoreInitializer>.Instance).Initialize();

        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM order_lines WHERE status_group = 'Pending'"));
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM order_lines WHERE status = 'Shipping' AND status_group = 'Shipped'"));
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM order_lines WHERE status_group = 'Cancelled'"));
        SqliteConnection.ClearAllPools();
    }
}

public sealed class StoreSchemaOnSqliteTests() : StoreSchemaTests(StoreProvider.Sqlite);

public sealed class StoreSchemaOnPostgreSqlTests() : StoreSchemaTests(StoreProvider.PostgreSql);
