using System.Data.Common;
using System.Globalization;
using Dashboard.Core.Data;

namespace Dashboard.Core.Models.Store;

/// <summary>
/// At most one instance trains at a time (decision 0013). A training run holds the store's lock for
/// <see cref="StoreWork.Training"/> on a connection of its own; an instance that finds it held waits, and then does not train again if the run it waited
/// for trained on data at least as new as its own request saw (the store's change count, <see cref="DataVersion"/>,
/// recorded by each successful run). On SQLite an instance is alone with its store: there is no lock to hold, and nothing is recorded.
/// </summary>
internal sealed class TrainingLock : IDisposable
{
    private const string TrainedOnKey = "models_trained_on";

    private readonly DbConnection _connection;
    private readonly IDisposable? _held;
    private readonly long _dataVersion;

    private TrainingLock(DbConnection connection, IDisposable? held, long dataVersion) =>
        (_connection, _held, _dataVersion) = (connection, held, dataVersion);

    /// <summary>
    /// The lock, or null when another instance held it and has meanwhile trained on the data this request saw (or newer).
    /// <paramref name="waiting"/> is called before waiting for another instance.
    /// </summary>
    public static async Task<TrainingLock?> AcquireAsync(DashboardStore store, Action waiting, CancellationToken cancellationToken)
    {
        var connection = await store.OpenConnectionAsync(cancellationToken);
        try
        {
            var requested = DataVersion.ReadStored(connection, null);
            if (!store.Kind.TryLock(connection, StoreWork.Training, out var held))
            {
                waiting();
                held = await store.Kind.LockAsync(connection, StoreWork.Training, cancellationToken);
                if (TrainedOn(connection) >= requested)
                {
                    held?.Dispose();
                    await connection.DisposeAsync();
                    return null;
                }
                requested = DataVersion.ReadStored(connection, null);
            }
            return new TrainingLock(connection, held, requested);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Records that the models are now trained on the data this run saw when it took the lock.</summary>
    public void MarkTrained()
    {
        if (_held is null)
        {
            return;
        }
        using var command = _connection.Command("""
            INSERT INTO app_metadata (key, value) VALUES (@key, @value)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value;
            """).With("@key", TrainedOnKey).With("@value", _dataVersion.ToString(CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    private static long TrainedOn(DbConnection connection)
    {
        using var command = connection.Command("SELECT value FROM app_metadata WHERE key = @key;").With("@key", TrainedOnKey);
        return command.ExecuteScalar() is string text ? long.Parse(text, CultureInfo.InvariantCulture) : -1;
    }

    public void Dispose()
    {
        _held?.Dispose();
        _connection.Dispose();
    }
}
