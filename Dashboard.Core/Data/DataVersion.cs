using System.Globalization;
using System.Data.Common;

namespace Dashboard.Core.Data;

/// <summary>
/// A number that changes whenever stored data changes (an import commits, a batch is undone, sample data is written or
/// removed). Caches of query results key on it, so the dashboards show new data at once.
/// </summary>
/// <remarks>
/// Every writer also counts its change in the database (<see cref="Record"/>, inside its own transaction), so that a
/// change made by another process — the <c>import</c> verb while the dashboard runs — is seen too:
/// the web app's watcher compares the stored count with the last one this process knows of.
/// </remarks>
public sealed class DataVersion
{
    internal const string StoredKey = "data_version";

    private long _current = 1;
    private long _lastStored = -1;

    public long Current => Interlocked.Read(ref _current);

    /// <summary>Raised after <see cref="Current"/> has moved on.</summary>
    public event Action<long>? Changed;

    public long Bump()
    {
        var next = Interlocked.Increment(ref _current);
        Changed?.Invoke(next);
        return next;
    }

    /// <summary>
    /// Counts a change in the database, inside the writer's transaction; call <see cref="Bump"/> once it has committed.
    /// </summary>
    public void Record(DbConnection connection, DbTransaction transaction)
    {
        using var command = connection.Command("""
            INSERT INTO app_metadata (key, value) VALUES (@key, '1')
            ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(app_metadata.value AS BIGINT) + 1 AS TEXT)
            RETURNING value;
            """, transaction).With("@key", StoredKey);
        var stored = long.Parse((string)command.ExecuteScalar()!, CultureInfo.InvariantCulture);
        // This process knows of its own change: the watcher must not count it a second time.
        Interlocked.Exchange(ref _lastStored, stored);
    }

    /// <summary>
    /// Moves on when the count stored in the database differs from the last one this process knows of (another
    /// process changed the data). Returns whether it moved on. The first look only learns the count.
    /// </summary>
    public bool CatchUp(DbConnection connection)
    {
        var known = Interlocked.Read(ref _lastStored);
        var stored = ReadStored(connection, null);
        // A change recorded by this process while the value was read wins: it is newer than what was read.
        if (known == stored || Interlocked.CompareExchange(ref _lastStored, stored, known) != known || known == -1)
        {
            return false;
        }
        Bump();
        return true;
    }

    /// <summary>The change count stored in the database (0 before the first change), as the given transaction sees it.</summary>
    public static long ReadStored(DbConnection connection, DbTransaction? transaction)
    {
        using var command = connection.Command("SELECT value FROM app_metadata WHERE key = @key;", transaction).With("@key", StoredKey);
        return command.ExecuteScalar() is string text ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
    }
}
