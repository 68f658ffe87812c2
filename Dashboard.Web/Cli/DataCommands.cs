using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Data;
using Dashboard.Core.Analytics;
using Dashboard.Core.Imports;
using Dashboard.Core.Models.Store;

namespace Dashboard.Web.Cli;

/// <summary>The data verbs: <c>import FILE [--dry-run]</c>, <c>stats</c> and <c>train</c>.</summary>
internal static class DataCommands
{
    public static Command Import()
    {
        var file = new Argument<string>("FILE")
        {
            Description = "The export, a .csv or .csv.gz file; a relative path is taken from the directory you run this in.",
        };
        file.Validators.Add(result =>
        {
            var path = ResolveUserPath(result.GetValueOrDefault<string>());
            if (!File.Exists(path))
            {
                result.AddError($"No such file: {path}");
            }
        });
        var dryRun = new Option<bool>("--dry-run") { Description = "Run every check and count, and keep nothing (the preview of an import)." };
        var import = new Command("import", """
            Import a CSV (or .csv.gz) export into the configured database and print
            the batch summary as JSON; --dry-run checks and counts, and keeps nothing.
            Exit code 1 when the file is refused.
            """) { file, dryRun };
        return import.RunsInHost((parse, services) => ImportAsync(services, ResolveUserPath(parse.GetRequiredValue(file)), parse.GetValue(dryRun)));
    }

    public static Command Stats() =>
        new Command("stats", "Print the stored row counts per format as JSON.").RunsInHost((_, services) => StatsAsync(services));

    public static Command Train() => new Command("train", """
        Train every model on the stored data and store them (a new model is
        activated only if it is not worse than the active one on the same held-out
        rows); print their held-out metrics as JSON (rmse, mae, r2, auc, pr_auc,
        log_loss, brier). Exit code 1 when no model could be trained.
        """).RunsInHost((_, services) => TrainAsync(services));

    private static async Task<int> ImportAsync(IServiceProvider services, string path, bool dryRun)
    {
        var imports = services.GetRequiredService<ImportService>();
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var progress = new ConsoleImportProgress();
        var summary = await Task.Run(() => imports.Import(stream, Path.GetFileName(path), new ImportOptions { DryRun = dryRun }, progress));
        await Console.Out.WriteLineAsync(ImportSummaryJson.Write(summary));
        return summary.Succeeded ? 0 : 1;
    }

    private static async Task<int> StatsAsync(IServiceProvider services)
    {
        var summary = await services.GetRequiredService<DatasetSummaryQuery>().GetAsync();
        var store = services.GetRequiredService<DashboardStore>();
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
        {
            database = store.Location,
            orderLines = summary.Orders,
            purchases = summary.Purchases,
            purchasesToScore = summary.PurchasesToScore,
            importedBatches = summary.Batches,
        }, CliJson.Options));
        return 0;
    }

    private static async Task<int> TrainAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<DashboardStore>();
        try
        {
            var progress = new ConsoleTrainingProgress();
            var result = await Task.Run(() => services.GetRequiredService<ModelTrainer>().TrainAllAsync(progress));
            var output = new JsonObject
            {
                ["database"] = store.Location,
                ["cancellation"] = TrainingJson.Describe(result.Cancellation),
                ["purchase"] = TrainingJson.Describe(result.Purchase),
            };
            await Console.Out.WriteLineAsync(output.ToJsonString(CliJson.Options));
            if (!result.TrainedAny)
            {
                await Console.Error.WriteLineAsync("No model could be trained: " + result.Cancellation.Skipped + " " + result.Purchase.Skipped);
            }
            return result.TrainedAny ? 0 : 1;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or System.Data.Common.DbException)
        {
            await Console.Out.WriteLineAsync(new JsonObject { ["database"] = store.Location, ["error"] = e.Message }.ToJsonString(CliJson.Options));
            await Console.Error.WriteLineAsync("Training failed: " + e);
            return 1;
        }
    }

    /// <summary>
    /// A path as the user typed it: relative to the shell's directory. <c>dotnet run --project</c> starts the app in
    /// the project's folder, so the current directory is not the user's; the shell's <c>PWD</c> is.
    /// </summary>
    private static string ResolveUserPath(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }
        var shell = Environment.GetEnvironmentVariable("PWD");
        var baseDirectory = !string.IsNullOrEmpty(shell) && Directory.Exists(shell) ? shell : Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(baseDirectory, path));
    }
}
