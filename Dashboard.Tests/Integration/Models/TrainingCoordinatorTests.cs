using Dashboard.Tests.Support;
using Dashboard.Core.Data;
using Dashboard.Core.Models.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Integration.Models;

[TestDuration(40)]
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
        await using var instances = new TwoInstances();

        Assert.True(instances.A.Request("retrain asked on instance A"));
        Assert.True(instances.B.Request("retrain asked on instance B"));
        var statuses = new[] { await TwoInstances.FinishedAsync(instances.A), await TwoInstances.FinishedAsync(instances.B) };

        Assert.All(statuses, s => Assert.Equal(TrainingState.Succeeded, s.State));
        Assert.True(instances.Waited, "one instance waited for the other's run");
        Assert.Single(statuses, s => s.Message!.Contains("not trained again", StringComparison.Ordinal));
        Assert.Equal(4, (await ModelTestData.Store(instances.Database).HistoryAsync()).Count); // one run: two kinds, two algorithms
    }

    [Fact]
    public async Task AnInstanceThatWaitedTrainsWhenTheDataChangedSinceTheOtherRunBegan()
    {
        await using var instances = new TwoInstances();
        Assert.True(instances.A.Request("retrain on A"));
        await WaitFor(instances.A, s => s.State == TrainingState.Running && s.Stage != "starting"); // A holds the lock and reads its data
        // An import commits while A trains (the stored change count moves on); then B is asked: A's run cannot answer it.
        using (var connection = instances.Database.Store.OpenConnection())
        using (var transaction = connection.BeginTransaction())
        {
            new DataVersion().Record(connection, transaction);
            transaction.Commit();
        }
        Assert.True(instances.B.Request("retrain on B"));
        await TwoInstances.FinishedAsync(instances.A);
        var status = await TwoInstances.FinishedAsync(instances.B);

        Assert.True(instances.Waited, "B waited for A");
        Assert.Equal(TrainingState.Succeeded, status.State);
        Assert.DoesNotContain("not trained again", status.Message);
        Assert.Equal(8, (await ModelTestData.Store(instances.Database).HistoryAsync()).Count); // two runs
    }

    /// <summary>
    /// Decision 0013: two app instances (each its own coordinator and connection pool) over one PostgreSQL database, their
    /// training loops running; <see cref="Waited"/> once either waited for the other's run.
    /// </summary>
    private sealed class TwoInstances : IAsyncDisposable
    {
        private readonly DashboardStore _other;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task[] _running;

        public TwoInstances()
        {
            Database = ModelTestData.Create(provider: StoreProvider.PostgreSql);
            _other = new DashboardStore(Database.ConnectionString, Database.Folder, StoreProvider.PostgreSql);
            var options = new ModelsOptions { TrainOnFirstStart = false };
            A = Coordinator(Database, new DataVersion(), options);
            B = Coordinator(Database, new DataVersion(), options, instance: _other);
            A.Changed += s => Waited |= s.Stage.Contains("another instance", StringComparison.Ordinal);
            B.Changed += s => Waited |= s.Stage.Contains("another instance", StringComparison.Ordinal);
            _running = [A.RunAsync(_stop.Token), B.RunAsync(_stop.Token)];
        }

        public Support.TempDatabase Database { get; }
        public TrainingCoordinator A { get; }
        public TrainingCoordinator B { get; }
        public bool Waited { get; private set; }

        public static Task<TrainingStatus> FinishedAsync(TrainingCoordinator coordinator) =>
            WaitFor(coordinator, s => s.State is TrainingState.Succeeded or TrainingState.Failed or TrainingState.Cancelled);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            foreach (var run in _running)
            {
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            }
            A.Dispose();
            B.Dispose();
            _other.Dispose();
            Database.Dispose();
            _stop.Dispose();
        }
    }
}
