using Dashboard.Core.Analytics;
using Dashboard.Core.Weekly;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

// Server-side time of the orders overview (KPIs with the previous period + the four charts), median over repeated
// calls with changing filters, against a Dashboard database; and, for comparison, the same aggregations as SQLite
// GROUP BY queries. Usage:
//   Dashboard.Benchmarks overview DB [iterations] [--no-sql] [--rebuilds N] [--frame-max-lines N]
//                                      (DB: a SQLite file or a PostgreSQL connection string; past N lines the rollup is read)
//   Dashboard.Benchmarks scale SOURCE_DB TARGET_DB FACTOR      (copies of every order line under new order IDs)
//   Dashboard.Benchmarks models DB [--task T] [--promotion-ids] [--trees-only] [--trees L:T:R] [--export DIR]  (the models protocol)
//   Dashboard.Benchmarks models-prep DB [ROUNDS]   (the models' data preparation alone: ms and bytes allocated)
//   Dashboard.Benchmarks browser URL [runs]                    (Chromium: four overview charts drawn after navigation)
//   Dashboard.Benchmarks csp URL [PATH ...]                     (Chromium: CSP violations and console errors on every page, both themes)
//   Dashboard.Benchmarks parquet DB FILE [--frame-max-lines N] (the whole order-lines download, as the endpoint writes it, its memory,
//                                      and the file read back by DuckDB; past N lines the store's lines are read)
//   Dashboard.Benchmarks rows DB [rounds] [--frame-max-lines N] (a page of 50 rows by amount desc, by date, by order ID, under the 60 filters)
//   Dashboard.Benchmarks xlsx DB FILE [--frame-max-lines N]   (every order line as the .xlsx download writes it, by amount desc: time, memory)
//   Dashboard.Benchmarks forecast DB [--frame-max-lines N]     (the forecast's protocol: origins 2022-05-01..06-12, 14 days; anomalies; times)
//   Dashboard.Benchmarks forecast-rules DB                     (candidate rules for the shown forecast over the sweep; FC_SHIFT=n moves the origins)
//   Dashboard.Benchmarks load DB [rounds]                      (the orders frame's load against a bare SQLite read of its columns)
//   Dashboard.Benchmarks duckdb FILE                           (DuckDB's read_parquet of a downloaded file: rows, types, amount sum)
//   Dashboard.Benchmarks logs [calls] [rounds]                 (a log call through the redacting logger factory against the platform's)
//   Dashboard.Benchmarks drivers DB                           (every week, KPI and dimension: the drivers sum exactly to the change)
//   Dashboard.Benchmarks digest DB [runs]                      (one weekly digest's four ScottPlot charts rendered on the server)
//   Dashboard.Benchmarks alerts DB [rounds]                    (100 alert rules judged for the days an import of the whole export touches)
//   Dashboard.Benchmarks parse FILE.csv.gz [rounds]            (the row parsers alone on an export held in memory, against reading only)
//   Dashboard.Benchmarks agree STORE_A STORE_B [--a-rollup] [--b-rollup] [--save FILE]
//                                      (the overview's and the weekly review's JSON from two stores, or from one store's frame
//                                       and its rollup, for the 60 filters below; a store: a SQLite file or a connection string;
//                                       --save writes A's JSON, one filter a line, to compare two builds byte for byte)
var culture = CultureInfo.InvariantCulture;
if (args.Length >= 2 && args[0] == "csp")
{
    await BrowserBenchmark.CheckPagesAsync(args[1], args.Length > 2 ? args[2..] : ["/", "/weekly", "/purchases", "/imports", "/models", "/what-if", "/users"]);
    return 0;
}
if (args.Length >= 1 && args[0] == "logs")
{
    LogRedactionBenchmark.Run(args.Length > 1 ? int.Parse(args[1], culture) : 200_000, args.Length > 2 ? int.Parse(args[2], culture) : 11);
    return 0;
}
if (args.Length >= 2 && args[0] == "drivers")
{
    return await DriversBenchmark.RunAsync(args[1]);
}
if (args.Length >= 2 && args[0] == "alerts")
{
    return await AlertsBenchmark.RunAsync(args[1], args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
}
if (args.Length >= 2 && args[0] == "digest")
{
    await DigestBenchmark.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], culture) : 40);
    return 0;
}
if (args.Length >= 2 && args[0] == "browser")
{
    await BrowserBenchmark.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], culture) : 7);
    return 0;
}
if (args.Length >= 2 && args[0] == "models-prep")
{
    await ModelsPrepBenchmark.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], culture) : 3);
    return 0;
}
if (args.Length >= 2 && args[0] == "models")
{
    await ModelsBenchmark.RunAsync(args[1], args[2..]);
    return 0;
}
if (args.Length >= 3 && args[0] == "parquet")
{
    var maxLinesAt = Array.IndexOf(args, "--frame-max-lines");
    await ParquetCheck.WriteAsync(args[1], args[2], maxLinesAt > 0 ? int.Parse(args[maxLinesAt + 1], culture) : new AnalyticsOptions().FrameMaxLines);
    ParquetCheck.Read(args[2]);
    return 0;
}
if (args.Length >= 2 && args[0] is "rows" or "xlsx")
{
    var rowsCapAt = Array.IndexOf(args, "--frame-max-lines");
    var cap = rowsCapAt > 0 ? int.Parse(args[rowsCapAt + 1], culture) : new AnalyticsOptions().FrameMaxLines;
    await (args[0] == "rows"
        ? RowsBenchmark.PagesAsync(args[1], args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[2], culture) : 5, cap)
        : RowsBenchmark.XlsxAsync(args[1], args[2], cap));
    return 0;
}
if (args.Length >= 2 && args[0] == "forecast-rules")
{
    await ForecastRules.RunAsync(args[1]);
    return 0;
}
if (args.Length >= 2 && args[0] == "forecast")
{
    var maxLinesAt = Array.IndexOf(args, "--frame-max-lines");
    await ForecastBenchmark.RunAsync(args[1], maxLinesAt > 0 ? int.Parse(args[maxLinesAt + 1], culture) : new AnalyticsOptions().FrameMaxLines);
    return 0;
}
if (args.Length >= 2 && args[0] == "load")
{
    await LoadBenchmark.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], culture) : 5);
    return 0;
}
if (args.Length >= 2 && args[0] == "parse")
{
    ParseBenchmark.Run(args[1], args.Length > 2 ? int.Parse(args[2], culture) : 9);
    return 0;
}
if (args.Length >= 2 && args[0] == "duckdb")
{
    ParquetCheck.Read(args[1]);
    return 0;
}
if (args.Length >= 3 && args[0] == "agree")
{
    var save = Array.IndexOf(args, "--save") is var saveAt and >= 0 ? args[saveAt + 1] : null;
    return await Agree(args[1], args[2], args.Contains("--a-rollup"), args.Contains("--b-rollup"), save);
}
if (args.Length >= 4 && args[0] == "scale")
{
    Scale(args[1], args[2], int.Parse(args[3], culture));
    return 0;
}
if (args.Length < 2 || args[0] != "overview")
{
    Console.Error.WriteLine("usage: Dashboard.Benchmarks overview DB [iterations] | scale SOURCE_DB TARGET_DB FACTOR | models DB [--promotion-ids] | browser URL [runs]");
    return 2;
}

var db = args[1];
var iterations = args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[2], culture) : 400;
var withSql = !args.Contains("--no-sql");
// DB is a SQLite file, or a PostgreSQL connection string (Host=…;Database=…), measured alike (decision 0013); the SQL comparison is SQLite's.
var postgres = db.StartsWith("Host=", StringComparison.OrdinalIgnoreCase);
withSql &= !postgres;
var connectionString = postgres ? db : new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly }.ToString();
using var store = new DashboardStore(connectionString, ".", postgres ? StoreProvider.PostgreSql : StoreProvider.Sqlite);
var options = store.ContextOptions();
var contexts = new PooledDbContextFactory<DashboardDbContext>(options);
var version = new DataVersion();
var frameMaxLines = Array.IndexOf(args, "--frame-max-lines") is var capAt and >= 0 ? int.Parse(args[capAt + 1], culture) : new AnalyticsOptions().FrameMaxLines;
var analytics = Options.Create(new AnalyticsOptions { FrameMaxLines = frameMaxLines });
var cache = new OrdersFrameCache(contexts, version, analytics);
var query = new OrdersOverviewQuery(cache, analytics);

var heapBefore = GC.GetTotalMemory(true);
var load = Stopwatch.StartNew();
var frame = await cache.GetAsync();
load.Stop();
var heapAfter = GC.GetTotalMemory(true);
Console.WriteLine($"Database: {store.Location}");
var kind = frame is OrdersFrame ? "frame" : "rollup summary (the overview reads the store's rollup per call)";
Console.WriteLine($"Order lines: {frame.Count:N0} (frames hold at most {frameMaxLines:N0}); dates {frame.MinDate:yyyy-MM-dd}..{frame.MaxDate:yyyy-MM-dd}; {kind} read in {load.ElapsedMilliseconds:N0} ms (once per data version); managed heap {heapAfter / 1048576.0:N0} MB, of which the {kind.Split(' ')[0]} {(heapAfter - heapBefore) / 1048576.0:N1} MB");
// The rebuild after a committed import: the data version moves on and the next request (or the warmer) loads the frame again.
var rebuilds = new List<double>();
var rebuildCount = Array.IndexOf(args, "--rebuilds") is var at and >= 0 ? int.Parse(args[at + 1], culture) : 5;
for (var i = 0; i < rebuildCount; i++)
{
    version.Bump();
    var t = Stopwatch.GetTimestamp();
    GC.KeepAlive(await cache.GetAsync());
    rebuilds.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
}
Report($"{char.ToUpperInvariant(kind[0])}{kind.Split(' ')[0][1..]} read again after a data version change (import committed -> new one served)", rebuilds);
GC.KeepAlive(frame);
frame = await cache.GetAsync();

var filters = FilterMix.Of(frame).ToList();
Console.WriteLine($"{filters.Count} different filters, {iterations} calls each way; machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");

// Warm-up (JIT), then the measured calls.
for (var i = 0; i < 20; i++)
{
    await query.GetAsync(filters[i % filters.Count].Filter, filters[i % filters.Count].Grain);
}
var inMemory = new List<double>(iterations);
for (var i = 0; i < iterations; i++)
{
    var (filter, grain) = filters[i % filters.Count];
    var t = Stopwatch.GetTimestamp();
    var overview = await query.GetAsync(filter, grain);
    inMemory.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    GC.KeepAlive(overview);
}
Report(frame is OrdersFrame
    ? "DataFrame buffers, fused pass (the product's path): KPIs + previous period + 4 charts"
    : "Rollup in the store, one slice + fused pass (the product's path past the frames' size): KPIs + previous period + 4 charts", inMemory);

var sqlIterations = Math.Max(10, Math.Min(iterations, frame.Count > 500_000 ? 20 : 60));
if (withSql && frame is OrdersFrame sqlFrame)
{
    await using (var connection = new SqliteConnection(connectionString))
    {
        connection.Open();
        var sql = new List<double>(sqlIterations);
        for (var i = 0; i < sqlIterations + 3; i++)
        {
            var (filter, grain) = filters[i % filters.Count];
            var t = Stopwatch.GetTimestamp();
            SqlOverview(connection, sqlFrame, filter, grain);
            if (i >= 3)
            {
                sql.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }
        Report("SQLite GROUP BY (same six aggregations as SQL, indexes of schema step 2)", sql);
    }
}
return 0;

// Decision 0013: the same data in SQLite and in PostgreSQL, or read from the frame and from the rollup, gives the same overview
// and weekly review, to the byte, for every benchmark filter.
static async Task<int> Agree(string a, string b, bool aRollup, bool bRollup, string? save)
{
    var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
    DashboardStore Open(string store) => store.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
        ? new DashboardStore(store, ".", StoreProvider.PostgreSql)
        : new DashboardStore(new SqliteConnectionStringBuilder { DataSource = store, Mode = SqliteOpenMode.ReadOnly }.ToString(), ".");
    using var first = Open(a);
    using var second = Open(b);
    (OrdersFrameCache Cache, OrdersOverviewQuery Overview, WeeklyReviewQuery Weekly) Queries(DashboardStore store, bool rollup)
    {
        var analytics = Options.Create(new AnalyticsOptions { FrameMaxLines = rollup ? 0 : int.MaxValue });
        var cache = new OrdersFrameCache(new PooledDbContextFactory<DashboardDbContext>(store.ContextOptions()), new DataVersion(), analytics);
        return (cache, new OrdersOverviewQuery(cache, analytics), new WeeklyReviewQuery(cache, analytics));
    }
    var (x, y) = (Queries(first, aRollup), Queries(second, bRollup));
    var data = await x.Cache.GetAsync();
    var filters = FilterMix.Of(data).ToList();
    var same = 0;
    var i = 0;
    var saved = new List<string>();
    foreach (var (filter, grain) in filters)
    {
        // Every third filter also asks for a weekly review (a week picked from the filter's own dates, or the default).
        var left = System.Text.Json.JsonSerializer.Serialize(await x.Overview.GetAsync(filter, grain), json);
        var right = System.Text.Json.JsonSerializer.Serialize(await y.Overview.GetAsync(filter, grain), json);
        if (i++ % 3 == 0)
        {
            left += System.Text.Json.JsonSerializer.Serialize(await x.Weekly.GetAsync(filter.From, filter), json);
            right += System.Text.Json.JsonSerializer.Serialize(await y.Weekly.GetAsync(filter.From, filter), json);
        }
        saved.Add(left);
        if (left == right)
        {
            same++;
            continue;
        }
        var at = Enumerable.Range(0, Math.Min(left.Length, right.Length)).FirstOrDefault(i => left[i] != right[i]);
        Console.WriteLine($"differs for {System.Text.Json.JsonSerializer.Serialize(filter, json)} {grain} at {at}: A ...{left[Math.Max(0, at - 60)..Math.Min(left.Length, at + 60)]}... B ...{right[Math.Max(0, at - 60)..Math.Min(right.Length, at + 60)]}...");
    }
    if (save is not null)
    {
        await File.WriteAllLinesAsync(save, saved);
    }
    string Name(DashboardStore store, bool rollup) => $"{store.Location} ({(rollup ? "rollup" : "frame")})";
    Console.WriteLine($"{data.Count:N0} order lines; {same} of {filters.Count} filters give identical JSON from A = {Name(first, aRollup)} and B = {Name(second, bRollup)}.");
    return same == filters.Count ? 0 : 1;
}

static void Report(string what, List<double> times)
{
    times.Sort();
    double P(double p) => times[(int)Math.Min(times.Count - 1, Math.Round(p * (times.Count - 1)))];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: n={times.Count}, median {P(0.5):F2} ms, p90 {P(0.9):F2} ms, p99 {P(0.99):F2} ms, min {times[0]:F2} ms, max {times[^1]:F2} ms"));
}

// The overview's aggregations as SQL: KPIs (current and previous period), over time, weekday, category, month.
static void SqlOverview(SqliteConnection connection, OrdersFrame s, OrderFilter f, TimeGrain grain)
{
    var from = f.From ?? s.MinDate!.Value;
    var to = f.To ?? s.MaxDate!.Value;
    var length = to.DayNumber - from.DayNumber + 1;
    var where = new List<string> { "order_date BETWEEN $from AND $to" };
    if (f.Categories.Count > 0) where.Add($"category IN ({string.Join(",", f.Categories.Select(Quote))})");
    if (f.StatusGroups.Count > 0) where.Add($"status_group IN ({string.Join(",", f.StatusGroups.Select(g => Quote(g.ToString())))})");
    if (f.States.Count > 0) where.Add($"state IN ({string.Join(",", f.States.Select(Quote))})");
    if (f.B2B is { } b) where.Add($"b2b = {(b ? 1 : 0)}");
    if (f.Weekdays.Count > 0) where.Add($"CAST(strftime('%w', order_date) AS INTEGER) IN ({string.Join(",", f.Weekdays.Select(d => (int)d))})");
    var filter = string.Join(" AND ", where);
    const string Measures = """
        COUNT(*), SUM(status_group = 'Cancelled'), COUNT(DISTINCT order_id), SUM(qty),
        SUM(CASE WHEN status_group <> 'Cancelled' AND currency = 'INR' THEN amount_minor ELSE 0 END),
        COUNT(DISTINCT CASE WHEN status_group <> 'Cancelled' AND (currency = 'INR' OR currency IS NULL) THEN order_id END)
        """;
    var bucket = grain switch
    {
        TimeGrain.Day => "order_date",
        TimeGrain.Week => "date(order_date, '-' || ((CAST(strftime('%w', order_date) AS INTEGER) + 6) % 7) || ' days')",
        _ => "strftime('%Y-%m', order_date)",
    };
    string[] queries =
    [
        $"SELECT {Measures} FROM order_lines WHERE {filter}",
        $"SELECT {Measures} FROM order_lines WHERE {filter.Replace("$from", "$pfrom").Replace("$to", "$pto")}",
        $"SELECT {bucket}, {Measures} FROM order_lines WHERE {filter} GROUP BY 1",
        $"SELECT strftime('%w', order_date), {Measures} FROM order_lines WHERE {filter} GROUP BY 1",
        $"SELECT category, {Measures} FROM order_lines WHERE {filter} GROUP BY 1",
        $"SELECT strftime('%Y-%m', order_date), {Measures} FROM order_lines WHERE {filter} GROUP BY 1",
    ];
    foreach (var sql in queries)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$pfrom", from.AddDays(-length).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$pto", from.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
        }
    }

    static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}

// A bigger database for the 10x target: the source's order lines repeated under new order IDs ("<id>~k").
static void Scale(string source, string target, int factor)
{
    File.Copy(source, target, overwrite: true);
    using var connection = new SqliteConnection($"Data Source={target}");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandTimeout = 0;
    command.CommandText = $"""
        WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < {factor - 1})
        INSERT INTO order_lines (order_id, sku, order_date, status, status_group, fulfilment, sales_channel, service_level, style,
            category, size, asin, courier_status, qty, currency, amount_minor, city_raw, city, state_raw, state, postal_code, country,
            promotion_list_id, b2b, fulfilled_by, source_index, is_sample, batch_id, content_hash)
        SELECT order_id || '~' || k.n, sku, order_date, status, status_group, fulfilment, sales_channel, service_level, style,
            category, size, asin, courier_status, qty, currency, amount_minor, city_raw, city, state_raw, state, postal_code, country,
            promotion_list_id, b2b, fulfilled_by, source_index, is_sample, batch_id, content_hash
        FROM order_lines, k;
        """;
    using var transaction = connection.BeginTransaction();
    command.Transaction = transaction;
    var rows = command.ExecuteNonQuery();
    Dashboard.Core.Orders.Rollup.RollupWriter.RebuildAll(new DashboardStore($"Data Source={target}", ".").Kind, connection, transaction);
    transaction.Commit();
    Console.WriteLine($"{target}: added {rows:N0} lines ({factor}x the source), rollup rebuilt");
}
