using System.Data.Common;

namespace Dashboard.Core.Data;

/// <summary>
/// Instances that share a PostgreSQL store prepare it one after another (issue 13): the schema, the status mapping, the
/// sample data of a first start and the first admin are each written once, by whichever instance starts first, instead of
/// twice by two instances that both found the store empty. A session advisory lock on a connection of its own; on SQLite
/// a no-op (one process serves a file).
/// </summary>
public sealed class StartupLock : IDisposable
{
    /// <summary>The advisory lock's key: an arbitrary constant of ours ("Dash" and 4).</summary>
    public const long Key = 0x44617368_0004;

    private readonly DbConnection? _connection;

    private StartupLock(DbConnection? connection) => _connection = connection;

    public static StartupLock Take(DashboardStore store)
    {
        if (!store.IsPostgreSql)
        {
            return new StartupLock(null);
        }
        var connection = store.OpenConnection();
        connection.Execute($"SELECT pg_advisory_lock({Key});");
        return new StartupLock(connection);
    }

    public void Dispose()
    {
        if (_connection is not null)
        {
            _connection.Execute($"SELECT pg_advisory_unlock({Key});");
            _connection.Dispose();
        }
    }
}
