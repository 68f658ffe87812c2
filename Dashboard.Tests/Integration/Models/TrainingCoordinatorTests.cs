using Dashboard.Core.Data;
using Dashboard.Core.Models.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Integration.Models;

public class TrainingCoordinatorTests
{
    private static TrainingCoordinator Coordinator(Support.TempDatabase db, DataVersion version, ModelsOptions options)
    {
        var store = ModelTestData.Store(db);
        return new TrainingCoordinator(ModelTestData.Trainer(db, store), store, version, Options.Create(options), TimeProvider.System,
            NullLogger<TrainingCoordinator>.Instance);
    }

    private static async Task<TrainingStatus> WaitFor(TrainingCoordinator coordinator, Func<TrainingStatus, bool> done)
    {
        // a guard against a hung run, not a timing assertion: a loaded 2-core machine trains slowly
        var deadline = DateTime.UtcNow.AddSeconds(240);
        while (!done(coordinator.Status))
        {
            Assert.True(DateTime.UtcNow < deadline, $"still {coordinator.Status}");
            await Task.Delay(50);
        }
        return coordinator.Status;
    }

    [Fact]
    public async Task OnAFirstStartWithDataItTrainsOnceInTheBackgroundAndReportsProgress()
    {
        using var db = ModelTestData.Create();
        using var coordinator = Coordinator(db, new DataVersion(), new ModelsOptions());
        var fractions = new List<double>();
        coordinator.Changed += s => { lock (fractions) { fractions.Add(s.Fraction); } };
        using var stop = new CancellationTokenSource();

        var running = coordinator.RunAsync(stop.Token);
        var status = await WaitFor(coordinator, s => s.State is TrainingState.Succeeded or TrainingState.Failed);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal(TrainingState.Succeeded, status.State);
        Assert.Equal(4, (await ModelTestData.Store(db).HistoryAsync()).Count);
        lock (fractions)
        {
            Assert.Contains(fractions, f => f is > 0 and < 1);
        }
    }

    [Fact]
    public async Task TheFirstStartAfterTheMoveToMlNetRetrainsModelsStoredInTheOldFormat()
    {
        using var db = ModelTestData.Create();
        await ModelTestData.Store(db).AddAsync(new StoredModel
        {
            Kind = ModelKind.Purchase, Algorithm = ModelAlgorithm.Linear, ModelName = "ridge", TrainingBatches = "[2]", ParametersJson = "{}",
            ReportJson = "{}", IsActive = true, Decision = "Activated", Payload = System.Text.Encoding.UTF8.GetBytes("""{"Format":1,"Type":"purchase"}"""),
        });
        using var coordinator = Coordinator(db, new DataVersion(), new ModelsOptions());
        using var stop = new CancellationTokenSource();

        var running = coordinator.RunAsync(stop.Token);
        var status = await WaitFor(coordinator, s => s.State is TrainingState.Succeeded or TrainingState.Failed);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal(TrainingState.Succeeded, status.State);
        Assert.Contains("old format", status.Reason);
        var history = await ModelTestData.Store(db).HistoryAsync();
        Assert.Contains(history, m => m.Kind == ModelKind.Purchase && m.Algorithm == ModelAlgorithm.Linear && m.IsActive && m.Decision.Contains("before ML.NET"));
    }

    [Fact]
    public async Task WithRetrainAfterImportADataChangeTrainsAgain()
    {
        using var db = ModelTestData.Create();
        var version = new DataVersion();
        using var coordinator = Coordinator(db, version, new ModelsOptions { RetrainAfterImport = true, TrainOnFirstStart = false });
        using var stop = new CancellationTokenSource();
        var running = coordinator.RunAsync(stop.Token);

        version.Bump();
        await WaitFor(coordinator, s => s.State is TrainingState.Succeeded or TrainingState.Failed);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal(TrainingState.Succeeded, coordinator.Status.State);
        Assert.Contains("data version", coordinator.Status.Reason ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACancelledRunStoresNothing()
    {
        using var db = ModelTestData.Create();
        using var coordinator = Coordinator(db, new DataVersion(), new ModelsOptions { TrainOnFirstStart = false });
        coordinator.Changed += s =>
        {
            if (s.State == TrainingState.Running)
            {
                coordinator.Cancel();
            }
        };
        using var stop = new CancellationTokenSource();
        var running = coordinator.RunAsync(stop.Token);

        Assert.True(coordinator.Request("test"));
        await WaitFor(coordinator, s => s.State is TrainingState.Cancelled or TrainingState.Succeeded or TrainingState.Failed);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal(TrainingState.Cancelled, coordinator.Status.State);
        Assert.Empty(await ModelTestData.Store(db).HistoryAsync());
    }
}
