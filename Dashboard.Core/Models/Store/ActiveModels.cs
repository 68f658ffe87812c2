using Dashboard.Core.Models.Training;

namespace Dashboard.Core.Models.Store;

/// <summary>
/// The active models, deserialised once (a version stored in the format from before ML.NET, or damaged, loads as none) and kept in memory, so that scoring is a method call. Reloaded when this process
/// activates a model (<see cref="ModelStore.ActiveChanged"/>), and at most every few seconds it checks whether another process
/// (the <c>train</c> command) has.
/// </summary>
public sealed class ActiveModels
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);
    private readonly ModelStore _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Loaded? _loaded;

    public ActiveModels(ModelStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        _store.ActiveChanged += () =>
        {
            _loaded = null;
            Changed?.Invoke();
        };
    }

    /// <summary>Raised after a new version became active (pages re-score).</summary>
    public event Action? Changed;

    /// <summary>The last loaded set, or null before the first load: for code that must not wait.</summary>
    public ActiveModelSet? Current => _loaded?.Set;

    public async ValueTask<ActiveModelSet> GetAsync(CancellationToken cancellationToken = default)
    {
        var loaded = _loaded;
        if (loaded is not null && _time.GetUtcNow() - loaded.CheckedAt < CheckEvery)
            return loaded.Set;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            loaded = _loaded;
            if (loaded is not null && _time.GetUtcNow() - loaded.CheckedAt < CheckEvery)
                return loaded.Set;
            var stamp = await _store.ActiveStampAsync(cancellationToken);
            if (loaded is not null && loaded.Stamp == stamp)
            {
                _loaded = loaded with { CheckedAt = _time.GetUtcNow() };
                return loaded.Set;
            }
            var set = new ActiveModelSet(
                await LoadAsync(ModelKind.Cancellation, ModelAlgorithm.Linear, b => CancellationModel.Deserialize(b), cancellationToken),
                await LoadAsync(ModelKind.Cancellation, ModelAlgorithm.Boosted, b => CancellationModel.Deserialize(b), cancellationToken),
                await LoadAsync(ModelKind.Purchase, ModelAlgorithm.Linear, b => PurchaseModel.Deserialize(b), cancellationToken),
                await LoadAsync(ModelKind.Purchase, ModelAlgorithm.Boosted, b => PurchaseModel.Deserialize(b), cancellationToken));
            var changed = loaded is not null;
            _loaded = new Loaded(set, stamp, _time.GetUtcNow());
            if (changed)
                Changed?.Invoke();
            return set;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<ActiveModel<T>?> LoadAsync<T>(ModelKind kind, ModelAlgorithm algorithm, Func<byte[], T> deserialize, CancellationToken cancellationToken)
    {
        var stored = await _store.GetActiveAsync(kind, algorithm, cancellationToken);
        if (stored is null || ModelStore.IsLegacyPayload(stored.Payload))
            return null;
        try
        {
            return new ActiveModel<T>(stored.Id, stored.Version, stored.ModelName, stored.TrainedAt, deserialize(stored.Payload));
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or FormatException)
        {
            // a model that cannot be read is as good as none: the app starts and the next training replaces it
            return null;
        }
    }

    private sealed record Loaded(ActiveModelSet Set, string Stamp, DateTimeOffset CheckedAt);
}
