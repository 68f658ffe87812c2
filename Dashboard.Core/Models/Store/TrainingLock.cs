using System.Data.Common;
using System.Globalization;
using Dashboard.Core.Data;

namespace Dashboard.Core.Models.Store;

/// <summary>
/// At most one instance trains at a time (issue 13). On PostgreSQL a training run holds <see cref="AdvisoryLock.Training"/>
/// on a connection of its own; an instance that finds it held waits, and then does not train again if the run it waited
/// for trained on data at least as new as its own request saw (the store's change count, <see cref="DataVersion"/>,
/// recorded by each successful run). On SQLite an instance is alone with its store, and this is a no-op.
/// </summary>
internal sealed class TrainingLock : IDisposable
{
    private const string TrainedOnKey = "models_trained_on";

    private readonly AdvisoryLock? _held;
    private readonly long _dataVersion;

    private TrainingLock(AdvisoryLock? held, long dataVersion) => (_held, _dataVersion) = (held, dataVersion);

    /// <summary>
    /// The lock, or null when another instance held it and has meanwhile trained on the data this request saw (or newer).
    /// <paramref name="waiting"/> is called before waiting for another instance.
    /// </summary>
    public static async Task<TrainingLock?> AcquireAsync(DashboardStore store, Action waiting, CancellationToken cancellationToken)
    {
        if (!store.IsPostgreSql)
        {
            return new TrainingLock(null, 0);
        }
        var connection = await store.OpenConnectionAsync(cancellationToken);
        try
        {
            var requested = DataVersion.ReadStored(connection, null);
            var held = AdvisoryLock.TryTake(connection, AdvisoryLock.Training, ownsConnection: true);
            if (held is null)
            {
                waiting();
                held = await AdvisoryLock.TakeAsync(connection, AdvisoryLock.Training, cancellationToken, ownsConnection: true);
                if (TrainedOn(connection) >= requested)
                {
                    held.Dispose();
                    return null;
                }
                requested = DataVersion.ReadStored(connection, null);
            }
            return new TrainingLock(held, requested);
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
        using var command = _held.Connection.Command("""
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

    public void Dispose() => _held?.Dispose();
}
