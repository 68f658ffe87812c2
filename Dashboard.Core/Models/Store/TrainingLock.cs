using System.Data.Common;
using System.Globalization;
using Dashboard.Core.Data;

namespace Dashboard.Core.Models.Store;

/// <summary>
/// At most one instance trains at a time (issue 13). On PostgreSQL a training run holds a session advisory lock on a
/// connection of its own; an instance that finds it held waits, and then does not train again if the run it waited for
/// trained on data at least as new as its own request saw (the store's change count, <see cref="DataVersion"/>, recorded
/// by each successful run). On SQLite an instance is alone with its store, and this is a no-op.
/// </summary>
internal sealed class TrainingLock : IAsyncDisposable
{
    /// <summary>The advisory lock's key: an arbitrary constant of ours ("Dash" and 3).</summary>
    public const long Key = 0x44617368_0003;

    private const string TrainedOnKey = "models_trained_on";

    private readonly DbConnection? _connection;
    private readonly long _dataVersion;

    private TrainingLock(DbConnection? connection, long dataVersion)
    {
        _connection = connection;
        _dataVersion = dataVersion;
    }

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
            if (connection.Scalar($"SELECT pg_try_advisory_lock({Key});") is not true)
            {
                waiting();
                await using (var wait = connection.Command($"SELECT pg_advisory_lock({Key});"))
                {
                    await wait.ExecuteNonQueryAsync(cancellationToken);
                }
                if (TrainedOn(connection) >= requested)
                {
                    connection.Execute($"SELECT pg_advisory_unlock({Key});");
                    await connection.DisposeAsync();
                    return null;
                }
                requested = DataVersion.ReadStored(connection, null);
            }
            return new TrainingLock(connection, requested);
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
        if (_connection is null)
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

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            _connection.Execute($"SELECT pg_advisory_unlock({Key});");
            await _connection.DisposeAsync();
        }
    }
}
