using Dashboard.Core.Data;
using Dashboard.Core.Models.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Integration.Models;

public class TrainingCoordinatorTests
{
    private static TrainingCoordinator Coordinator(Support.TempDatabase db, DataVersion version, ModelsOptions options, DashboardStore? instance = null)
    {
        var store = ModelTestData.Store(db);
        return new TrainingCoordinator(ModelTestData.Trainer(db, store), store, instance ?? db.Store, version, Options.Create(options), TimeProvider.System,
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

    [Fact]
    public async Task TwoInstancesAskedToRetrainAtOnceOnASharedPostgreSqlStoreTrainOnce()
    {
        // Issue 13: two app instances (each its own coordinator and connection pool) over one PostgreSQL database.
        using var db = ModelTestData.Create(provider: StoreProvider.PostgreSql);
        using var other = new DashboardStore(db.ConnectionString, db.Folder, StoreProvider.PostgreSql);
        var options = new ModelsOptions { TrainOnFirstStart = false };
        using var first = Coordinator(db, new DataVersion(), options);
        using var second = Coordinator(db, new DataVersion(), options, instance: other);
        var waited = false;
        second.Changed += s => waited |= s.Stage.Contains("another instance", StringComparison.Ordinal);
        first.Changed += s => waited |= s.Stage.Contains("another instance", StringComparison.Ordinal);
        using var stop = new CancellationTokenSource();
        var running = new[] { first.RunAsync(stop.Token), second.RunAsync(stop.Token) };

        Assert.True(first.Request("retrain asked on instance A"));
        Assert.True(second.Request("retrain asked on instance B"));
        var done = new[] { TrainingState.Succeeded, TrainingState.Failed, TrainingState.Cancelled };
        var statuses = new[] { await WaitFor(first, s => done.Contains(s.State)), await WaitFor(second, s => done.Contains(s.State)) };
        await stop.CancelAsync();
        foreach (var run in running)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        Assert.All(statuses, s => Assert.Equal(TrainingState.Succeeded, s.State));
        Assert.True(waited, "one instance waited for the other's run");
        Assert.Single(statuses, s => s.Message!.Contains("not trained again", StringComparison.Ordinal));
        Assert.Equal(4, (await ModelTestData.Store(db).HistoryAsync()).Count); // one run: two kinds, two algorithms
    }

    [Fact]
    public async Task AnInstanceThatWaitedTrainsWhenTheDataChangedSinceTheOtherRunBegan()
    {
        using var db = ModelTestData.Create(provider: StoreProvider.PostgreSql);
        using var other = new DashboardStore(db.ConnectionString, db.Folder, StoreProvider.PostgreSql);
        var options = new ModelsOptions { TrainOnFirstStart = false };
        using var first = Coordinator(db, new DataVersion(), options);
        using var second = Coordinator(db, new DataVersion(), options, instance: other);
        var waited = false;
        second.Changed += s => waited |= s.Stage.Contains("another instance", StringComparison.Ordinal);
        using var stop = new CancellationTokenSource();
        var running = new[] { first.RunAsync(stop.Token), second.RunAsync(stop.Token) };
        Assert.True(first.Request("retrain on A"));
        await WaitFor(first, s => s.State == TrainingState.Running && s.Stage != "starting"); // A holds the lock and reads its data
        // An import commits while A trains (the stored change count moves on); then B is asked: A's run cannot answer it.
        using (var connection = db.Store.OpenConnection())
        using (var transaction = connection.BeginTransaction())
        {
            new DataVersion().Record(connection, transaction);
            transaction.Commit();
        }
        Assert.True(second.Request("retrain on B"));
        var done = new[] { TrainingState.Succeeded, TrainingState.Failed, TrainingState.Cancelled };
        await WaitFor(first, s => done.Contains(s.State));
        var status = await WaitFor(second, s => done.Contains(s.State));
        await stop.CancelAsync();
        foreach (var run in running)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        Assert.True(waited, "B waited for A");
        Assert.Equal(TrainingState.Succeeded, status.State);
        Assert.DoesNotContain("not trained again", status.Message);
        Assert.Equal(8, (await ModelTestData.Store(db).HistoryAsync()).Count); // two runs
    }
}
