using System.Threading.Channels;
using Dashboard.Core.Data;
using Dashboard.Core.Models.Training;
using Dashboard.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Models.Store;

/// <summary>
/// The one place training runs in the app: requests (the Retrain button, a first start, an import when
/// <see cref="ModelsOptions.RetrainAfterImport"/> is on) go into a queue that a hosted service drains on a background thread.
/// Requests made while one is queued are merged into it. <see cref="Changed"/> is raised on every state change and at most
/// a few times a second while progress moves.
/// </summary>
public sealed class TrainingCoordinator : IDisposable
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(250);
    private readonly Channel<string> _requests = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ModelTrainer _trainer;
    private readonly ModelStore _store;
    private readonly DashboardStore _database;
    private readonly DataVersion _dataVersion;
    private readonly ModelsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TrainingCoordinator> _logger;
    private readonly Lock _lock = new();
    private CancellationTokenSource? _running;
    private DateTimeOffset _lastProgress;

    public TrainingCoordinator(ModelTrainer trainer, ModelStore store, DashboardStore database, DataVersion dataVersion, IOptions<ModelsOptions> options,
        TimeProvider time, ILogger<TrainingCoordinator> logger)
    {
        _trainer = trainer;
        _store = store;
        _database = database;
        _dataVersion = dataVersion;
        _options = options.Value;
        _time = time;
        _logger = logger;
        if (_options.RetrainAfterImport)
            _dataVersion.Changed += OnDataChanged;
    }

    public TrainingStatus Status { get; private set; } = TrainingStatus.Idle;

    public event Action<TrainingStatus>? Changed;

    /// <summary>Asks for a training run; false when one is already queued (this request is merged into it).</summary>
    public bool Request(string reason)
    {
        if (!_requests.Writer.TryWrite(reason))
            return false;
        lock (_lock)
        {
            if (Status.State != TrainingState.Running)
                Set(Status with { State = TrainingState.Queued, Stage = "queued", Fraction = 0, Message = reason, Reason = reason });
        }
        _logger.LogInformation("Model training requested: {Reason}", reason);
        return true;
    }

    /// <summary>Stops the run in progress (nothing of it is stored).</summary>
    public void Cancel()
    {
        lock (_lock)
        {
            _running?.Cancel();
        }
    }

    /// <summary>Drains the queue until <paramref name="stoppingToken"/> fires; the hosted service's body. On start, trains once when
    /// there is no stored model yet and <see cref="ModelsOptions.TrainOnFirstStart"/> is on.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (_options.TrainOnFirstStart && !await _store.AnyAsync(stoppingToken))
            Request("first start: no model has been trained yet");
        else if (await _store.LegacyActiveAsync(stoppingToken) is { Count: > 0 } legacy)
            Request($"first start after the move to ML.NET: the active models ({string.Join(", ", legacy)}) are stored in the old format and are retrained");
        await foreach (var reason in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            await RunOnceAsync(reason, stoppingToken);
        }
    }

    private async Task RunOnceAsync(string reason, CancellationToken stoppingToken)
    {
        using var span = DashboardTelemetry.Source.StartActivity(DashboardTelemetry.Spans.Training);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        lock (_lock)
        {
            _running = cancel;
            Set(new TrainingStatus(TrainingState.Running, "starting", 0, reason, _time.GetUtcNow(), null, Status.LastResult, reason));
        }
        try
        {
            // Instances that share a PostgreSQL store train one at a time, and a request that another instance's run answered is not trained again.
            using var training = await TrainingLock.AcquireAsync(_database, () => ReportProgress(new TrainingProgress("waiting for another instance's training", 0)), cancel.Token);
            if (training is null)
            {
                Finish(TrainingState.Succeeded, "Another instance has just trained the models on the same data; they were not trained again.", null);
                _logger.LogInformation("Model training skipped: another instance trained on the same data");
                return;
            }
            var progress = new Progress(this);
            var result = await Task.Run(() => _trainer.TrainAllAsync(progress, cancel.Token), cancel.Token);
            if (result.TrainedAny)
            {
                training.MarkTrained();
            }
            var message = string.Join(" ", new[] { result.Cancellation, result.Purchase }.Select(Describe));
            Finish(result.TrainedAny ? TrainingState.Succeeded : TrainingState.Failed, message, result);
            _logger.LogInformation("Model training finished: {Message}", message);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Finish(TrainingState.Cancelled, stoppingToken.IsCancellationRequested ? "Stopped with the app." : "Cancelled; nothing of this run was stored.", null);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Model training failed");
            Finish(TrainingState.Failed, e.Message, null);
        }
        finally
        {
            lock (_lock)
            {
                _running = null;
            }
            var outcome = DashboardTelemetry.Tag(Status.State.ToString());
            DashboardTelemetry.TrainingDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
            span?.SetTag("dashboard.training.outcome", outcome);
        }
    }

    private static string Describe(KindOutcome outcome) => outcome.Skipped is { } why
        ? $"{outcome.Kind}: not trained ({why})"
        : $"{outcome.Kind}: " + string.Join("; ", outcome.Models.Select(m => $"{m.Algorithm} v{m.Version} {(m.IsActive ? "active" : "kept, not active")}")) + ".";

    private void Finish(TrainingState state, string message, TrainingRunResult? result)
    {
        lock (_lock)
        {
            Set(Status with { State = state, Stage = state.ToString().ToLowerInvariant(), Fraction = state == TrainingState.Succeeded ? 1 : Status.Fraction,
                Message = message, FinishedAt = _time.GetUtcNow(), LastResult = result ?? Status.LastResult });
        }
    }

    private void Set(TrainingStatus status)
    {
        Status = status;
        Changed?.Invoke(status);
    }

    private void OnDataChanged(long version) => Request($"the stored data changed (data version {version})");

    private void ReportProgress(TrainingProgress value)
    {
        lock (_lock)
        {
            if (Status.State != TrainingState.Running)
                return;
            var now = _time.GetUtcNow();
            var stageChanged = value.Stage != Status.Stage;
            Status = Status with { Stage = value.Stage, Fraction = value.Fraction };
            if (!stageChanged && now - _lastProgress < ProgressEvery)
                return;
            _lastProgress = now;
        }
        Changed?.Invoke(Status);
    }

    public void Dispose()
    {
        _dataVersion.Changed -= OnDataChanged;
        _running?.Dispose();
    }

    private sealed class Progress(TrainingCoordinator owner) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => owner.ReportProgress(value);
    }
}
