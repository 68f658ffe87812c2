using System.Diagnostics;
using Dashboard.Core.Sample;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Cli;

/// <summary>The real executable's <c>import</c>, killed with SIGKILL partway through a large file, then started again.</summary>
public class KilledImportTests
{
    [Fact]
    public async Task KillingTheProcessMidImportKeepsTheRowsFromBeforeAndTheNextStartMarksTheBatchFailed()
    {
        using var db = new TempDatabase();
        db.Import(new AmazonCsv().Line("BEFORE-1").Line("BEFORE-2").Line("BEFORE-3", status: "Pending").ToString(), "before.csv");
        var before = db.Fingerprint();
        var file = Path.Combine(db.Folder, "big.csv");
        await using (var writer = new StreamWriter(file))
        {
            // About 240,000 lines (~50 MB): several seconds of import even on a fast machine.
            new SampleDataGenerator(7).WriteAmazonOrders(writer, new DateOnly(2021, 9, 1), new DateOnly(2022, 4, 30), linesPerDay: 1000);
        }

        var start = new ProcessStartInfo(WebExecutable.Path, ["import", file])
        {
            WorkingDirectory = db.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Dashboard"] = db.ConnectionString;
        using var process = Process.Start(start)!;
        var progressSeen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.Contains(" rows", StringComparison.Ordinal))
            {
                progressSeen.TrySetResult(line); // "40,000 rows (17%)", printed while the batch's transaction is open
            }
        };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync();

        var progress = await progressSeen.Task.WaitAsync(TimeSpan.FromMinutes(2)); // mid-import: its transaction is open
        process.Kill(); // SIGKILL on Linux: no handler, no rollback, no finally
        await process.WaitForExitAsync();
        Assert.Equal("", await stdout); // it never got to print its summary
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM import_batches WHERE state = 'Running'"));
        Assert.Equal(before, db.Fingerprint());

        var again = await WebExecutable.RunAsync(db.ConnectionString, db.Folder, "stats");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(3, db.Scalar("SELECT COUNT(*) FROM order_lines"));
        Assert.Equal(before, db.Fingerprint());
        Assert.Equal(1, db.Scalar(
            "SELECT COUNT(*) FROM import_batches WHERE file_name = 'big.csv' AND state = 'Failed' AND error LIKE 'The import was interrupted%'"));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM import_batches WHERE state = 'Running'"));
        Console.WriteLine($"Killed after '{progress}'; the next start marked the batch Failed and kept the 3 lines from before.");
    }
}
