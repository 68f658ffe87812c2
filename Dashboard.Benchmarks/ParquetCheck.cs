using Dashboard.Core.Analytics;
using Microsoft.Extensions.Options;
using Dashboard.Core.Analytics.Export;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;

/// <summary>
/// The acceptance check of the Parquet download (decision 0010): the whole order-lines file, written by the code the
/// <c>/api/orders/lines.parquet</c> endpoint runs, then read by an independent reader, DuckDB's <c>read_parquet</c>.
/// </summary>
internal static class ParquetCheck
{
    /// <summary>
    /// Writes the file and prints its size, the time, and what the download cost in memory: the process's peak working
    /// set and the GC heap's largest size after a collection (the rows are written a batch at a time, decision 0023).
    /// </summary>
    public static async Task WriteAsync(string database, string file, int frameMaxLines)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var options = ((DbContextOptionsBuilder<DashboardDbContext>)new DashboardStore(connectionString, ".").Configure(new DbContextOptionsBuilder<DashboardDbContext>())).Options;
        var contexts = new PooledDbContextFactory<DashboardDbContext>(options);
        var version = new DataVersion();
        var frames = new OrdersFrameCache(contexts, version, Options.Create(new AnalyticsOptions { FrameMaxLines = frameMaxLines }));
        var export = new OrderLinesExport(frames, contexts, Options.Create(new DownloadOptions()));
        await frames.GetAsync();
        GC.Collect();
        var before = Environment.WorkingSet;
        var t = Stopwatch.StartNew();
        long rows;
        await using (var stream = File.Create(file))
        {
            var writer = new ParquetExport(stream);
            await export.WriteAsync(new Dashboard.Core.Orders.Rows.RowsRequest(OrderFilter.None), writer);
            await writer.CompleteAsync(CancellationToken.None);
        }
        await using (var reader = await Parquet.ParquetReader.CreateAsync(file))
        {
            rows = Enumerable.Range(0, reader.RowGroupCount).Sum(g => reader.OpenRowGroupReader(g).RowCount);
        }
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{file}: {rows:N0} rows, {new FileInfo(file).Length / 1048576.0:F1} MB in {t.ElapsedMilliseconds} ms; working set before {before / 1048576.0:F0} MB, process peak {process.PeakWorkingSet64 / 1048576.0:F0} MB, GC heap peak {PeakHeap() / 1048576.0:F0} MB"));
    }

    /// <summary>The largest GC heap any collection so far found (the gen0 budget aside).</summary>
    private static long PeakHeap() =>
        new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background }.Max(k => GC.GetGCMemoryInfo(k).HeapSizeBytes);

    public static void Read(string file)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT count(*), sum(amount), count(DISTINCT order_id), min(date), max(date),
                       sum(amount) FILTER (WHERE status_group <> 'Cancelled' AND currency = 'INR')
                FROM read_parquet('{file.Replace("'", "''", StringComparison.Ordinal)}')
                """;
            using var reader = command.ExecuteReader();
            reader.Read();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"DuckDB read_parquet: {reader.GetInt64(0):N0} rows, amount sum {reader.GetDecimal(1):N2}, {reader.GetInt64(2):N0} orders, dates {reader.GetValue(3):yyyy-MM-dd}..{reader.GetValue(4):yyyy-MM-dd}, revenue (not cancelled, INR) {reader.GetDecimal(5):N2}"));
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"DESCRIBE SELECT * FROM read_parquet('{file.Replace("'", "''", StringComparison.Ordinal)}')";
            using var reader = command.ExecuteReader();
            var columns = new List<string>();
            while (reader.Read())
            {
                columns.Add($"{reader.GetString(0)} {reader.GetString(1)}");
            }
            Console.WriteLine("DuckDB types: " + string.Join(", ", columns));
        }
    }
}
