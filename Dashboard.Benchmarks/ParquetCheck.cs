using Dashboard.Core.Analytics;
using Microsoft.Extensions.Options;
using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Orders;
using Dashboard.Core.Data;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

/// <summary>
/// The acceptance check of the Parquet download (issue 16): the whole order-lines file, written by the code the
/// <c>/api/orders/lines.parquet</c> endpoint runs, then read by an independent reader, DuckDB's <c>read_parquet</c>.
/// </summary>
internal static class ParquetCheck
{
    public static async Task WriteAsync(string database, string file)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var options = ((DbContextOptionsBuilder<DashboardDbContext>)new DashboardStore(connectionString, ".").Configure(new DbContextOptionsBuilder<DashboardDbContext>())).Options;
        var contexts = new PooledDbContextFactory<DashboardDbContext>(options);
        var version = new DataVersion();
        var export = new OrderLinesExport(new OrdersFrameCache(contexts, version, Options.Create(new AnalyticsOptions())), contexts);
        var t = Stopwatch.StartNew();
        var table = await export.GetAsync(OrderFilter.None);
        var selected = t.ElapsedMilliseconds;
        await using (var stream = File.Create(file))
        {
            await ParquetExport.WriteAsync(table, stream);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{file}: {table.Rows:N0} rows, {new FileInfo(file).Length / 1048576.0:F1} MB; frame + selection + store text {selected} ms, whole export {t.ElapsedMilliseconds} ms"));
    }

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
