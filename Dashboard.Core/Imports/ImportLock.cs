using System.Data.Common;
using Dashboard.Core.Data;

namespace Dashboard.Core.Imports;

/// <summary>
/// One import at a time in the whole store. SQLite's single write lock already makes it so; on PostgreSQL, where writers
/// do not exclude each other, an import holds a session advisory lock on its connection, so that instances sharing the
/// database import one after another (two upserts of the same keys would otherwise deadlock), and a starting instance
/// can tell a batch left Running by a dead instance (lock free) from one that another instance is writing (lock held).
/// The lock goes with the connection: an instance that dies releases it.
/// </summary>
internal sealed class ImportLock : IDisposable
{
    /// <summary>The advisory lock's key: an arbitrary constant of ours ("Dash" and 2).</summary>
    public const long Key = 0x44617368_0002;

    private readonly DbConnection? _postgres;

    private ImportLock(DbConnection? postgres) => _postgres = postgres;

    /// <summary>Waits for the lock (PostgreSQL); a cancelled wait ends with the cancellation.</summary>
    public static ImportLock Take(DbConnection connection, bool postgreSql, CancellationToken cancellationToken)
    {
        if (!postgreSql)
        {
            return new ImportLock(null);
        }
        using (cancellationToken.Register(connection.Interrupt))
        {
            connection.Execute($"SELECT pg_advisory_lock({Key});");
        }
        return new ImportLock(connection);
    }

    /// <summary>The lock if no import holds it now, else null. On SQLite the caller's own write finds out.</summary>
    public static ImportLock? TryTake(DbConnection connection, bool postgreSql)
    {
        if (!postgreSql)
        {
            return new ImportLock(null);
        }
        return connection.Scalar($"SELECT pg_try_advisory_lock({Key});") is true ? new ImportLock(connection) : null;
    }

    public void Dispose() => _postgres?.Execute($"SELECT pg_advisory_unlock({Key});");
}
