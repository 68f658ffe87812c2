using System.Diagnostics;
using System.Text.Json;
using Dashboard.Core.Analytics;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Cli;

public class CommandLineTests
{
    [Fact]
    public async Task ImportPrintsTheBatchSummaryAsOneJsonObjectAndStatsCountsIt()
    {
        using var db = new TempDatabase(migrate: false);
        await File.WriteAllTextAsync(Path.Combine(db.Folder, "orders.csv"),
            new AmazonCsv().Line("A-1").Line("A-1", "S2").Line("A-2", status: "Cancelled", amount: "", currency: "").ToString());

        var import = await WebExecutable.RunAsync(db.ConnectionString, db.Folder, "import", "orders.csv");

        Assert.True(import.ExitCode == 0, import.Stderr);
        using var summary = JsonDocument.Parse(import.Stdout);
        Assert.Equal("Succeeded", summary.RootElement.GetProperty("state").GetString());
        Assert.Equal("AmazonOrders", summary.RootElement.GetProperty("format").GetString());
        Assert.Equal(3, summary.RootElement.GetProperty("inserted").GetInt32());

        var stats = await WebExecutable.RunAsync(db.ConnectionString, db.Folder, "stats");
        Assert.Equal(0, stats.ExitCode);
        using var counts = JsonDocument.Parse(stats.Stdout);
        Assert.Equal(3, counts.RootElement.GetProperty("orderLines").GetProperty("rows").GetInt32());
        Assert.Equal(2, counts.RootElement.GetProperty("orderLines").GetProperty("distinct").GetInt32());
        Assert.Equal(0, counts.RootElement.GetProperty("purchases").GetProperty("rows").GetInt32());
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Database=dashboard;Username=dashboard;Password=x", "PostgreSQL", "PostgreSQL could not be reached")]
    [InlineData("Data Source=/proc/no-such-folder/dashboard.db", "Sqlite", "The SQLite database could not be opened")]
    [InlineData("Data Source=dashboard.db", "Oracle", "Store:Provider is 'Oracle'; expected one of Sqlite, PostgreSql.")]
    [InlineData("Data Source=dashboard.db", "Sqlite", "Analytics:FrameMaxLines is '5e6'; expected a whole number", "--Analytics:FrameMaxLines=5e6")]
    [InlineData("Data Source=dashboard.db", "Sqlite", "Analytics:WeekStartsOn is 'Funday'; expected a day name", "--Analytics:WeekStartsOn=Funday")]
    public async Task AStoreThatCannotBeReachedOrASettingThatIsWrongIsOneClearLineNotAStackTrace(string connection, string provider, string expected,
        string setting = "--Logging:LogLevel:Default=Warning")
    {
        using var folder = new TempDatabase(migrate: false);

        var result = await WebExecutable.RunAsync(connection, folder.Folder, "stats", $"--Store:Provider={provider}", setting);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Dashboard could not start: ", result.Stderr);
        Assert.Contains(expected, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task AnAddressAnotherProcessHoldsStopsTheStartWithOneSentence()
    {
        using var db = new TempDatabase();
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;

        var result = await WebExecutable.RunAsync(db.ConnectionString, db.Folder, "--urls", $"http://127.0.0.1:{port}",
            "--Models:TrainOnFirstStart=false");

        Assert.Equal(1, result.ExitCode); // not an abort with the exception's stack trace
        Assert.StartsWith("Dashboard could not start: ", result.Stderr);
        Assert.Contains($"127.0.0.1:{port}", result.Stderr);
        Assert.Contains("address already in use", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task ARefusedFileExitsNonZeroAndSaysWhy()
    {
        using var db = new TempDatabase(migrate: false);
        await File.WriteAllTextAsync(Path.Combine(db.Folder, "prices.csv"), "name,price\nshirt,10\n");

        var result = await WebExecutable.RunAsync(db.ConnectionString, db.Folder, "import", "prices.csv");

        Assert.Equal(1, result.ExitCode);
        using var summary = JsonDocument.Parse(result.Stdout);
        Assert.Equal("Failed", summary.RootElement.GetProperty("state").GetString());
        Assert.Contains("matches neither format", summary.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AnImportByTheCommandLineWhileTheDashboardRunsShowsInTheDashboardWithinSeconds()
    {
        using var db = new TempDatabase();
        await using var dashboard = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Dashboard", db.ConnectionString);
            b.UseSetting("Models:TrainOnFirstStart", "false");
        });
        var summary = dashboard.Services.GetRequiredService<DatasetSummaryQuery>();
        var sampleLines = (await summary.GetAsync()).Orders.Rows; // the first start wrote sample data
        await File.WriteAllTextAsync(Path.Combine(db.Folder, "orders.csv"), new AmazonCsv().Line("CLI-1").Line("CLI-2").ToString());

        var import = await WebExecutable.RunAsync(db.ConnectionString, db.Folder, "import", "orders.csv");
        Assert.True(import.ExitCode == 0, import.Stderr);

        // The real file replaced the sample lines: the dashboard's cached summary must notice without a restart.
        var clock = Stopwatch.StartNew();
        var shown = sampleLines;
        while (shown != 2 && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(200);
            shown = (await summary.GetAsync()).Orders.Rows;
        }
        Assert.True(sampleLines > 2);
        Assert.Equal(2, shown);
    }

    [Fact]
    public async Task AMissingFileIsAUsageError()
    {
        using var db = new TempDatabase(migrate: false);
        var result = await WebExecutable.RunAsync(db.ConnectionString, db.Folder, "import", "nowhere.csv");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No such file", result.Stderr);
    }
}
