using System.Data.Common;

namespace Dashboard.Core.Data.PostgreSql;

/// <summary>
/// A PostgreSQL session advisory lock: how instances that share a store take turns (decision 0013). Each kind of work that
/// must run once at a time across instances has a key. The lock is held by one connection's session and released by
/// <see cref="Dispose"/> — explicitly, since a pooled connection keeps its session, and its locks, until it is next used —
/// or when the connection dies with its process. SQLite needs none of this: one process serves a file, and its single
/// write lock already orders the writers (<see cref="Sqlite.SqliteStore.Lock"/> holds nothing).
/// </summary>
public sealed class AdvisoryLock : IDisposable
{
    // The keys: arbitrary constants of ours, "Dash" and a number.

    /// <summary>Schema upgrades: instances starting together upgrade the database once.</summary>
    public const long SchemaUpgrade = 0x44617368_0001;

    /// <summary>
    /// Imports and undos, held on the import's own connection: writers do not exclude each other on PostgreSQL, and two
    /// upserts of the same keys would deadlock. Also how a starting instance tells a batch left Running by a dead instance
    /// (lock free) from one that another instance is writing (lock held).
    /// </summary>
    public const long Import = 0x44617368_0002;

    /// <summary>Model training (<see cref="Models.Store.TrainingLock"/>).</summary>
    public const long Training = 0x44617368_0003;

    /// <summary>Preparing the store at start: the status mapping, a first start's sample data and the first admin, written once.</summary>
    public const long Startup = 0x44617368_0004;

    /// <summary>
    /// Adding a user: the "no such user yet" checks and the insert, so that two instances cannot both add the first admin
    /// (or one name twice) (<see cref="Dashboard.Core.Users.UserService"/>).
    /// </summary>
    public const long Users = 0x44617368_0005;

    /// <summary>The key of a kind of work.</summary>
    public static long KeyOf(StoreWork work) => work switch
    {
        StoreWork.SchemaUpgrade => SchemaUpgrade,
        StoreWork.Import => Import,
        StoreWork.Training => Training,
        StoreWork.Startup => Startup,
        StoreWork.Users => Users,
        _ => throw new ArgumentOutOfRangeException(nameof(work), work, null),
    };

    private readonly DbConnection _connection;
    private readonly long _key;
    private readonly bool _ownsConnection;

    private AdvisoryLock(DbConnection connection, long key, bool ownsConnection) =>
        (_connection, _key, _ownsConnection) = (connection, key, ownsConnection);

    /// <summary>The connection whose session holds the lock.</summary>
    public DbConnection Connection => _connection;

    /// <summary>Waits for the lock on <paramref name="connection"/>'s session; a cancelled wait ends with the cancellation.</summary>
    public static AdvisoryLock Take(DbConnection connection, long key, CancellationToken cancellationToken = default, bool ownsConnection = false)
    {
        using (cancellationToken.Register(() => PostgreSqlStore.CancelStatement(connection)))
        {
            connection.Execute($"SELECT pg_advisory_lock({key});");
        }
        return new AdvisoryLock(connection, key, ownsConnection);
    }

    /// <summary>As <see cref="Take"/>, without holding a thread while another instance holds the lock (minutes, for training).</summary>
    public static async Task<AdvisoryLock> TakeAsync(DbConnection connection, long key, CancellationToken cancellationToken, bool ownsConnection = false)
    {
        await using (var wait = connection.Command($"SELECT pg_advisory_lock({key});"))
        {
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }
        return new AdvisoryLock(connection, key, ownsConnection);
    }

    /// <summary>The lock if no other session holds it now, else null.</summary>
    public static AdvisoryLock? TryTake(DbConnection connection, long key, bool ownsConnection = false) =>
        connection.Scalar($"SELECT pg_try_advisory_lock({key});") is true ? new AdvisoryLock(connection, key, ownsConnection) : null;

    public void Dispose()
    {
        _connection.Execute($"SELECT pg_advisory_unlock({_key});");
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
    }
}
