
/// <summary>
/// Where the orders frame's load time goes: the bare SQLite read of the same columns (in Order ID order and in row
/// order) against <see cref="OrdersFrame.LoadAsync(DashboardDbContext, long, CancellationToken)"/>, alternately.
/// </summary>
internal static class LoadBenchmark
{
    private const string Columns = "id, order_id, order_date, status_group, category, state, fulfilment, sales_channel, service_level, currency, qty, amount_minor, b2b, is_sample";

    public static async Task RunAsync(string database, int rounds)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var options = ((DbContextOptionsBuilder<DashboardDbContext>)new DashboardStore(connectionString, ".").Configure(new DbContextOptionsBuilder<DashboardDbContext>())).Options;
        var times = new Dictionary<string, List<double>>();
        void Add(string what, double ms) => (times.TryGetValue(what, out var l) ? l : times[what] = []).Add(ms);
        for (var round = 0; round < rounds; round++)
        {
            var t = Stopwatch.GetTimestamp();
            Read(connectionString, $"SELECT {Columns} FROM order_lines ORDER BY order_id");
            Add("bare read, ORDER BY order_id", Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            t = Stopwatch.GetTimestamp();
            Read(connectionString, $"SELECT {Columns} FROM order_lines");
            Add("bare read, row order", Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            t = Stopwatch.GetTimestamp();
            await using (var db = new DashboardDbContext(options))
            {
                GC.KeepAlive(await OrdersFrame.LoadAsync(db, round));
            }
            Add("OrdersFrame.LoadAsync", Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        foreach (var (what, list) in times)
        {
            list.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: median {list[list.Count / 2]:F0} ms, min {list[0]:F0} ms ({list.Count} runs)"));
        }
        Console.WriteLine($"load {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static void Read(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        long sum = 0;
        while (reader.Read())
        {
            sum += reader.GetInt64(0) + reader.GetString(1).Length + reader.GetString(2).Length + reader.GetString(3).Length +
                reader.GetString(4).Length + (reader.IsDBNull(5) ? 0 : reader.GetString(5).Length) + reader.GetString(6).Length +
                reader.GetString(7).Length + reader.GetString(8).Length + (reader.IsDBNull(9) ? 0 : reader.GetString(9).Length) +
                reader.GetInt64(10) + (reader.IsDBNull(11) ? 0 : reader.GetInt64(11)) + reader.GetInt64(12) + reader.GetInt64(13);
        }
        GC.KeepAlive(sum);
    }
}
