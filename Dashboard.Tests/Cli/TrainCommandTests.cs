using System.Text.Json;
using Dashboard.Tests.Integration.Models;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Cli;

public class TrainCommandTests
{
    [Fact]
    public async Task TrainPrintsEveryModelsHeldOutMetricsAsOneJsonObjectAndStoresThem()
    {
        using var db = ModelTestData.Create(lines: 1500, purchases: 800);

        var result = await WebExecutable.RunAsync(db.ConnectionString, db.Folder, "train");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var cancellation = json.RootElement.GetProperty("cancellation").GetProperty("models");
        var purchase = json.RootElement.GetProperty("purchase").GetProperty("models");
        Assert.Equal(3, cancellation.GetArrayLength()); // baseline, logistic, boosted trees
        Assert.Equal(3, purchase.GetArrayLength());
        foreach (var key in new[] { "auc", "pr_auc", "log_loss", "brier" })
        {
            Assert.All(cancellation.EnumerateArray(), m => Assert.True(m.TryGetProperty(key, out _), key));
        }
        foreach (var key in new[] { "rmse", "mae", "r2" })
        {
            Assert.All(purchase.EnumerateArray(), m => Assert.True(m.TryGetProperty(key, out _), key));
        }
        Assert.True(cancellation[2].GetProperty("active").GetBoolean());
        Assert.Equal(1, cancellation[2].GetProperty("version").GetInt32());
        Assert.Equal(4, db.Scalar("SELECT COUNT(*) FROM models WHERE is_active = TRUE"));
    }

    [Fact]
    public async Task TrainOnAnEmptyDatabaseExitsNonZeroAndSaysWhy()
    {
        using var db = new TempDatabase(migrate: false);

        var result = await WebExecutable.RunAsync(db.ConnectionString, db.Folder, "train");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.False(json.RootElement.GetProperty("cancellation").GetProperty("trained").GetBoolean());
        Assert.Contains("No model could be trained", result.Stderr);
    }
}
