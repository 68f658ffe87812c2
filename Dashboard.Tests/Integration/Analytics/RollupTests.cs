using System.Globalization;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Analytics;
using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Orders;
using Dashboard.Core.Orders.Rollup;
using Dashboard.Core.Weekly;
using Dashboard.Core.Data;
using Dashboard.Core.Imports;
using Dashboard.Core.Imports.Undo;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Integration.Analytics;

/// <summary>
/// The daily rollup (decision 0013): the order screens past <see cref="AnalyticsOptions.FrameMaxLines"/> answer from it what
/// they answer from the frame below it, distinct orders included, and every change of the lines keeps it equal to the
/// rollup written afresh from them.
/// </summary>
public abstract class RollupTests(StoreProvider provider) : StoreTest(provider)
{
    private sealed record Screens(OrdersFrameCache Cache, OrdersOverviewQuery Overview, WeeklyReviewQuery Weekly, OrderLinesExport Export);

    /// <summary>The screens' queries over the frame (<paramref name="rollup"/> false) or over the rollup (every line past the frame's size).</summary>
    private static Screens Queries(TempDatabase db, bool rollup)
    {
        var options = Options.Create(new AnalyticsOptions { FrameMaxLines = rollup ? 0 : int.MaxValue });
        var cache = new OrdersFrameCache(db.Contexts(), db.Version, options);
        return new(cache, new OrdersOverviewQuery(cache, options), new WeeklyReviewQuery(cache, options), new OrderLinesExport(cache, db.Contexts(), Options.Create(new DownloadOptions { BatchRows = 3 })));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Orders that a cell-by-cell sum would count twice: A-1 spans two categories, A-3 two status groups, A-5 two days;
    /// A-2 is cancelled without an amount or a currency, A-4 has no state.
    /// </summary>
    private static string Orders() => new AmazonCsv()
        .Line("A-1", sku: "K-1-L", category: "kurta", amount: "100.00")
        .Line("A-1", sku: "S-1-L", category: "Set", amount: "200.00")
        .Line("A-2", sku: "K-2-L", category: "kurta", status: "Cancelled", courier: "", amount: "", currency: "")
        .Line("A-3", sku: "K-3-L", category: "kurta", amount: "50.00")
        .Line("A-3", sku: "K-4-L", category: "kurta", status: "Cancelled", courier: "", amount: "70.00")
        .Line("A-4", sku: "S-2-L", category: "Set", date: "05-01-22", amount: "300.00", state: "", city: "")
        .Line("A-5", sku: "K-5-L", category: "kurta", date: "05-01-22", amount: "10.00", qty: "2")
        .Line("A-5", sku: "K-6-L", category: "kurta", date: "05-02-22", amount: "20.00")
        .ToString();

    [Fact]
    public async Task TheOverviewFromTheRollupCountsEachOrderOnceAsAHandCountDoes()
    {
        using var db = NewDatabase();
        db.Import(Orders());
        var screens = Queries(db, rollup: true);
        Assert.IsType<OrdersRollup>(await screens.Cache.GetAsync());

        var all = await screens.Overview.GetAsync(OrderFilter.None);

        // 5 orders, 9 units; revenue without the cancelled lines 100+200+50+300+10+20; orders with sales: all but A-2.
        var kpis = all.Kpis!;
        Assert.Equal((5, 9L, 680.00m, 4, 170.00m), (kpis.Current.Orders, kpis.Current.Units, kpis.Current.Revenue, kpis.Current.OrdersWithSales, kpis.Current.AverageOrderValue!.Value));
        Assert.Equal((8, 2), (kpis.Current.Lines, kpis.Current.CancelledLines));
        // kurta, A-5 (A-3 once, A-5 once over its two days); Set.
        Assert.Equal([("Set", 2, 500.00m), ("kurta", 4, 180.00m)], all.Categories.Select(c => (c.Category, c.Orders, c.Revenue)));
        // Saturday 30 April; Sunday 1 May; Monday 2 May: A-5.
        Assert.Equal([1, 0, 0, 0, 0, 3, 2], all.Weekdays.Select(w => w.Orders));
        Assert.Equal([3, 2, 1], all.OverTime.Points.Select(p => p.Orders));
        var weeks = await screens.Overview.GetAsync(OrderFilter.None, TimeGrain.Week);
        Assert.Equal([5, 1], weeks.OverTime.Points.Select(p => p.Orders)); // A-5 in the week of 25 April and in the next
        var month = await screens.Overview.GetAsync(OrderFilter.None, TimeGrain.Month);
        Assert.Equal([(350.00m, 2), (330.00m, 2)], month.Months.Select(m => (m.Revenue, m.OrdersWithSales)));

        var kurta = (await screens.Overview.GetAsync(OrderFilter.Parse([new("category", "kurta")]))).Kpis!.Current;
        Assert.Equal((4, 180.00m, 3), (kurta.Orders, kurta.Revenue, kurta.OrdersWithSales));
        var cancelled = (await screens.Overview.GetAsync(OrderFilter.Parse([new("status", "Cancelled")]))).Kpis!.Current;
        Assert.Equal((2, 0m, 0, 2), (cancelled.Orders, cancelled.Revenue, cancelled.OrdersWithSales, cancelled.Lines));
        var maharashtra = (await screens.Overview.GetAsync(OrderFilter.Parse([new("state", "maharashtra")]))).Kpis!.Current;
        Assert.Equal(4, maharashtra.Orders);
    }

    /// <summary>The filters of a check: none, each dimension, combinations, dates, weekdays, another currency.</summary>
    private static readonly string[] Filters =
    [
        "", "category=kurta", "category=Set&category=kurta", "status=Cancelled", "status=Shipped&b2b=false", "state=MAHARASHTRA",
        "state=karnataka", "from=2022-04-30&to=2022-05-01", "weekday=sun&weekday=mon", "weekday=sat&category=Set", "b2b=true",
        "currency=USD", "fulfilment=Merchant", "channel=Amazon.in&service=Standard", "from=2022-05-02", "to=2022-04-29",
    ];

    /// <summary>The overview (three grains), the weekly review and the download: the same from the rollup as from the frame.</summary>
    private static async Task AssertSameAsFrame(TempDatabase db)
    {
        var (frame, rollup) = (Queries(db, rollup: false), Queries(db, rollup: true));
        foreach (var query in Filters)
        {
            var filter = OrderFilter.Parse(query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('='))
                .Select(p => new KeyValuePair<string, string?>(p[0], p[1])));
            foreach (var grain in Enum.GetValues<TimeGrain>())
            {
                Assert.Equal(JsonSerializer.Serialize(await frame.Overview.GetAsync(filter, grain), Json),
                    JsonSerializer.Serialize(await rollup.Overview.GetAsync(filter, grain), Json));
            }
            Assert.Equal(JsonSerializer.Serialize(await frame.Weekly.GetAsync(filter.From, filter), Json),
                JsonSerializer.Serialize(await rollup.Weekly.GetAsync(filter.From, filter), Json));
            Assert.Equal(Rows(await frame.Export.GetAsync(filter)), Rows(await rollup.Export.GetAsync(filter)));
        }
    }

    /// <summary>A download's rows as text, sorted (the frame lists an order's lines together, the store in date order).</summary>
    private static List<string> Rows(DataTable table) =>
        Enumerable.Range(0, table.Rows).Select(r => string.Join('|', table.Columns.Select(c => c switch
        {
            TextColumn t => t.Values[r] ?? "∅",
            CodedTextColumn t => t.Codes[r] < 0 ? "∅" : t.Names[t.Codes[r]],
            DateColumn t => t.Values[r].ToString("O", CultureInfo.InvariantCulture),
            Int32Column t => t.Values[r].ToString(CultureInfo.InvariantCulture),
            MoneyColumn t => t.Values[r]?.ToString(CultureInfo.InvariantCulture) ?? "∅",
            BooleanColumn t => t.Values[r] ? "1" : "0",
            _ => throw new InvalidOperationException(c.Name),
        }))).Order(StringComparer.Ordinal).ToList();

    /// <summary>The rollup as stored, in a fixed order: cells, then each shape as its order count and cells (shape keys left out).</summary>
    private static string Stored(TempDatabase db)
    {
        using var connection = db.Store.OpenConnection();
        return Dump(connection, null);
    }

    private static string Dump(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction)
    {
        var text = new StringBuilder();
        void Read(string sql)
        {
            using var command = connection.Command(sql, transaction);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.GetValue(i) switch { bool b => b ? "1" : "0", var v => Convert.ToString(v, CultureInfo.InvariantCulture) }).Append('|');
                }
                text.Append('\n');
            }
        }
        Read($"SELECT {RollupWriter.CellColumns}, lines, units, amount_minor, orders FROM rollup_cells ORDER BY {RollupWriter.CellColumns};");
        Read($"SELECT orders, {RollupWriter.CellColumns} FROM rollup_shapes ORDER BY orders, {RollupWriter.CellColumns};");
        return text.ToString();
    }

    /// <summary>The rollup written afresh from the lines as they are (in a transaction rolled back).</summary>
    private static string Rebuilt(TempDatabase db)
    {
        using var connection = db.Store.OpenConnection();
        using var transaction = connection.BeginTransaction();
        RollupWriter.RebuildAll(db.Store.Kind, connection, transaction);
        var text = Dump(connection, transaction);
        transaction.Rollback();
        return text;
    }

    private static async Task AssertRollupFollows(TempDatabase db)
    {
        Assert.Equal(Rebuilt(db), Stored(db));
        await AssertSameAsFrame(db);
    }

    [Fact]
    public async Task EveryImportAndUndoKeepsTheRollupEqualToTheLines()
    {
        using var db = NewDatabase();
        var sample = db.Import(new AmazonCsv().Line("S-1", date: "03-31-22").Line("S-2", date: "04-01-22", category: "Set").ToString(), "sample.csv",
            new ImportOptions { IsSample = true });
        Assert.True(sample.Succeeded);
        await AssertRollupFollows(db);

        // The first real import replaces the sample: its days leave the rollup.
        var first = db.Import(Orders(), "first.csv");
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM rollup_cells WHERE day < '2022-04-30'"));
        await AssertRollupFollows(db);

        // A-1 gains a line (still split), A-4 gains one in another category (now split), A-3's cancelled line ships
        // (A-3 now lies in one cell), A-5's second line moves to the first one's day, and A-6 is new in Karnataka, in USD,
        // on a day of its own.
        var second = db.Import(new AmazonCsv()
            .Line("A-1", sku: "K-7-L", category: "kurta", amount: "5.00")
            .Line("A-4", sku: "K-8-L", category: "kurta", date: "05-01-22", amount: "1.00", state: "", city: "")
            .Line("A-3", sku: "K-4-L", category: "kurta", amount: "70.00")
            .Line("A-5", sku: "K-6-L", category: "kurta", date: "05-01-22", amount: "20.00")
            .Line("A-6", sku: "K-9-L", category: "kurta", date: "05-03-22", amount: "9.00", currency: "USD", state: "KARNATAKA", b2b: "True")
            .ToString(), "second.csv");
        Assert.Equal((3, 2), (second.Inserted, second.Updated));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM rollup_cells WHERE day = '2022-05-02'")); // A-5's line left it
        await AssertRollupFollows(db);

        db.Import(new AmazonCsv().Line("A-7", category: "Set", date: "05-02-22").ToString(), "dry.csv", new ImportOptions { DryRun = true });
        await AssertRollupFollows(db);

        var undo = new BatchUndoService(db.Store, db.Version, TimeProvider.System, NullLogger<BatchUndoService>.Instance);
        Assert.True(undo.Undo(second.BatchId!.Value).Succeeded);
        await AssertRollupFollows(db);
        Assert.True(undo.Undo(first.BatchId!.Value).Succeeded);
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM rollup_cells") + db.Scalar("SELECT COUNT(*) FROM rollup_shapes"));
        await AssertRollupFollows(db);
    }

    private static long RollupRows(TempDatabase db) => db.Scalar("SELECT COUNT(*) FROM rollup_cells") + db.Scalar("SELECT COUNT(*) FROM rollup_shapes");

    // How many of the large store's order-line indexes the store's catalogue lists.
    private static long LargeStoreIndexes(TempDatabase db)
    {
        var names = string.Join(", ", LargeStoreUpkeep.Indexes.Select(i => $"'{i.Name}'"));
        return db.Scalar(db.Provider == StoreProvider.Sqlite
            ? $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ({names})"
            : $"SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname IN ({names})");
    }

    [Fact]
    public async Task AStoreKeepsNoRollupNorSortIndexesUntilAnImportTakesItPastTheThresholdAndThenKeepsThemCurrent()
    {
        using var db = NewDatabase();
        var importer = db.Importer(largeStore: new LargeStoreUpkeep(keptPastLines: 8));
        void Import(string csv, string name) =>
            Assert.True(importer.Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), name).Succeeded);

        // Eight lines, not past eight: no rollup is written nor its sort indexes built, and the frame answers as before.
        Assert.Equal(LargeStoreUpkeep.Indexes.Count, LargeStoreIndexes(db)); // a new store's schema has them, until it is settled
        Import(Orders(), "first.csv");
        Assert.Equal(0, RollupRows(db));
        Assert.Equal(0, LargeStoreIndexes(db));
        Assert.Equal(2, db.Scalar(db.Provider == StoreProvider.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'order_lines' AND sql IS NOT NULL"
            : "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'order_lines' AND indexname NOT LIKE '%\\_pkey'"));
        Assert.Equal(5, (await Queries(db, rollup: false).Overview.GetAsync(OrderFilter.None)).Kpis!.Current.Orders);

        // A ninth line takes the store past it: that import writes the rollup whole, equal to the lines, and builds the indexes.
        Import(new AmazonCsv().Line("A-7", sku: "S-3-L", category: "Set", date: "05-02-22", amount: "40.00").ToString(), "second.csv");
        Assert.NotEqual(0, RollupRows(db));
        Assert.Equal(LargeStoreUpkeep.Indexes.Count, LargeStoreIndexes(db));
        await AssertRollupFollows(db);

        // From then on each change rewrites the days it touched: a changed line, a new one, and the undo of that batch.
        var third = importer.Import(new MemoryStream(Encoding.UTF8.GetBytes(new AmazonCsv()
            .Line("A-5", sku: "K-6-L", category: "kurta", date: "05-01-22", amount: "20.00")
            .Line("A-8", sku: "K-10-L", category: "kurta", date: "05-03-22", amount: "8.00").ToString())), "third.csv");
        await AssertRollupFollows(db);
        var undo = new BatchUndoService(db.Store, db.Version, TimeProvider.System, NullLogger<BatchUndoService>.Instance);
        Assert.True(undo.Undo(third.BatchId!.Value).Succeeded);
        await AssertRollupFollows(db);
        Assert.Equal(LargeStoreUpkeep.Indexes.Count, LargeStoreIndexes(db));
    }

    [Fact]
    public async Task AStartSettlesTheRollupAndTheSortIndexesToTheStoresSizeUnderItsSettings()
    {
        using var db = NewDatabase();
        db.Import(Orders());
        Assert.NotEqual(0, RollupRows(db)); // kept at any size, as every store before decision 0036 did
        void Settle(long keptPastLines)
        {
            using var connection = db.Store.OpenConnection();
            using var transaction = connection.BeginTransaction();
            new LargeStoreUpkeep(keptPastLines).Settle(db.Store.Kind, connection, transaction, stale: false);
            transaction.Commit();
        }

        Assert.Equal(LargeStoreUpkeep.Indexes.Count, LargeStoreIndexes(db));

        // A frame size under which the store is small: the rollup and the sort indexes buy nothing, and are dropped.
        Settle(keptPastLines: 100);
        Assert.Equal(0, RollupRows(db));
        Assert.Equal(0, LargeStoreIndexes(db));
        // A smaller frame size (the setting lowered): the store is past it, the rollup is written whole and the indexes built.
        Settle(keptPastLines: 0);
        await AssertRollupFollows(db);
        Assert.Equal(LargeStoreUpkeep.Indexes.Count, LargeStoreIndexes(db));

        // A kept rollup is not written again at each start: a cell changed by hand stays as it is.
        using (var connection = db.Store.OpenConnection())
        {
            connection.Execute("UPDATE rollup_cells SET lines = lines + 1000;");
        }
        Settle(keptPastLines: 0);
        Assert.Equal(1000 * db.Scalar("SELECT COUNT(*) FROM rollup_cells") + 8, db.Scalar("SELECT SUM(lines) FROM rollup_cells"));
    }

    [Fact]
    public async Task AnImportByAnotherProcessIsInTheNextAnswerPastTheFramesSize()
    {
        using var db = NewDatabase();
        db.Import(Orders());
        var screens = Queries(db, rollup: true);
        Assert.Equal(5, (await screens.Overview.GetAsync(OrderFilter.None)).Kpis!.Current.Orders);

        // Another process (its own data version: this one's caches are not told) adds an order in a new category.
        var other = new ImportService(db.Store, new StatusGroupMapping(), new DataVersion(), TimeProvider.System, NullLogger<ImportService>.Instance, LargeStoreUpkeep.Always);
        other.Import(new MemoryStream(Encoding.UTF8.GetBytes(new AmazonCsv().Line("B-1", category: "Saree", date: "05-02-22").ToString())), "other.csv");

        // The summary this process holds is older than the store: the read notices, and answers from the new one.
        var after = await screens.Overview.GetAsync(OrderFilter.None);
        Assert.Equal(6, after.Kpis!.Current.Orders);
        Assert.Contains(after.Categories, c => c.Category == "Saree" && c.Orders == 1);
        Assert.Contains("Saree", (await screens.Overview.GetFilterOptionsAsync()).Categories);
    }

    [Fact]
    public async Task ADownloadPastTheFramesSizeReadsTheLinesFromTheStore()
    {
        using var db = NewDatabase();
        db.Import(Orders());
        var screens = Queries(db, rollup: true);

        var kurtaOnSunday = await screens.Export.GetAsync(OrderFilter.Parse([new("category", "kurta"), new("weekday", "sun")]));

        Assert.Equal(["A-5"], ((TextColumn)kurtaOnSunday.Columns[0]).Values.Select(v => v!));
        var all = await screens.Export.GetAsync(OrderFilter.None);
        Assert.Equal(8, all.Rows);
        var state = (CodedTextColumn)all.Columns.Single(c => c.Name == "state");
        var orders = (TextColumn)all.Columns[0];
        Assert.Equal(-1, state.Codes[Array.IndexOf(orders.Values, "A-4")]); // no state: null, not ''
        var currency = (CodedTextColumn)all.Columns.Single(c => c.Name == "currency");
        Assert.Equal(-1, currency.Codes[Array.IndexOf(orders.Values, "A-2")]);
    }
}

public sealed class RollupOnSqliteTests() : RollupTests(StoreProvider.Sqlite);

public sealed class RollupOnPostgreSqlTests() : RollupTests(StoreProvider.PostgreSql);
