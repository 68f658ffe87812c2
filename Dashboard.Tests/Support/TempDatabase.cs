using Dashboard.Core.Data;
using Dashboard.Core.Data.Schema;
using Dashboard.Core.Imports;
using Dashboard.Core.Orders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Support;

/// <summary>
/// A real store, migrated to the newest schema, deleted afterwards: a SQLite file in a temporary folder, or a database of
/// its own on the test PostgreSQL server (<see cref="TestPostgres"/>).
/// </summary>
public sealed class TempDatabase : IDisposable
{
    /// <param name="migrate">Bring the store to the newest schema.</param>
    /// <param name="busyTimeoutSeconds">How long a write waits for another writer's lock (SQLite's 30 s when null).</param>
    /// <param name="provider">Which database.</param>
    public TempDatabase(bool migrate = true, int? busyTimeoutSeconds = null, StoreProvider provider = StoreProvider.Sqlite)
    {
        Folder = Directory.CreateTempSubdirectory("dashboard-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "dashboard.db");
        if (provider == StoreProvider.PostgreSql)
        {
            Store = new DashboardStore(TestPostgres.CreateDatabase(migrate), Folder, provider);
            return;
        }
        Store = new DashboardStore($"Data Source={Path}" + (busyTimeoutSeconds is { } wait ? $";Default Timeout={wait}" : ""), Folder);
        if (migrate)
        {
            new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).Migrate(Store);
        }
    }

    private readonly bool _owned = true;

    private TempDatabase(DashboardStore store)
    {
        Folder = Directory.CreateTempSubdirectory("dashboard-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "dashboard.db");
        Store = store;
        _owned = false;
    }

    /// <summary>A PostgreSQL database made elsewhere (e.g. by <c>migrate-store</c>): disposing it leaves the database.</summary>
    public static TempDatabase Existing(string connectionString) =>
        new(new DashboardStore(connectionString, System.IO.Path.GetTempPath(), StoreProvider.PostgreSql));

    public string Folder { get; }

    /// <summary>The SQLite file (unused on PostgreSQL).</summary>
    public string Path { get; }
    public DashboardStore Store { get; }
    public StoreProvider Provider => Store.Provider;
    public string ConnectionString => Store.ConnectionString;
    public DataVersion Version { get; } = new();

    public ImportService Importer(StatusGroupMapping? mapping = null, DateTimeOffset? now = null, ImportLimits? limits = null,
        IImportStageObserver? stages = null, LargeStoreUpkeep? largeStore = null) =>
        new(Store, mapping ?? new StatusGroupMapping(), Version, new FixedTime(now ?? new DateTimeOffset(2022, 7, 15, 12, 0, 0, TimeSpan.Zero)),
            NullLogger<ImportService>.Instance, largeStore ?? LargeStoreUpkeep.Always, limits, stages);

    public ImportSummary Import(string csv, string fileName = "export.csv", ImportOptions? options = null) =>
        Importer().Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), fileName, options);

    public ImportSummary Import(byte[] bytes, string fileName = "export.csv", ImportOptions? options = null) =>
        Importer().Import(new MemoryStream(bytes), fileName, options);

    public DashboardDbContext Context() => new(Store.ContextOptions());

    /// <summary>Contexts for services that take a factory (as the app registers them).</summary>
    public IDbContextFactory<DashboardDbContext> Contexts() => new ContextFactory(this);

    /// <summary>
    /// Holds what a committing import holds, until the result is disposed: on SQLite the write lock (BEGIN IMMEDIATE and a
    /// write), on PostgreSQL the import lock and a transaction that has written to the batches.
    /// </summary>
    public IDisposable HoldWriteLock()
    {
        var connection = Store.OpenConnection();
        if (Provider == StoreProvider.PostgreSql)
        {
            using var importing = connection.CreateCommand();
            importing.CommandText = $"SELECT pg_advisory_lock({Dashboard.Core.Data.PostgreSql.AdvisoryLock.Import});";
            importing.ExecuteNonQuery();
        }
        var transaction = connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : connection.BeginTransaction();
        using (var write = connection.CreateCommand())
        {
            write.Transaction = transaction;
            write.CommandText = "UPDATE import_batches SET state = state;";
            write.ExecuteNonQuery();
        }
        return new WriteLock(connection, transaction);
    }

    private sealed class WriteLock(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction) : IDisposable
    {
        public void Dispose()
        {
            transaction.Rollback();
            transaction.Dispose();
            if (connection is Npgsql.NpgsqlConnection)
            {
                // A pooled connection keeps its session (and its advisory locks) until it is used again: let go now.
                using var unlock = connection.CreateCommand();
                unlock.CommandText = "SELECT pg_advisory_unlock_all();";
                unlock.ExecuteNonQuery();
            }
            connection.Dispose();
        }
    }

    public long Scalar(string sql)
    {
        using var connection = Store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L);
    }

    /// <summary>What the store takes on disk: the SQLite file, or the PostgreSQL tables with their indexes and TOAST.</summary>
    public long StoredBytes() => Provider == StoreProvider.Sqlite
        ? new FileInfo(Path).Length
        : Scalar("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'");

    /// <summary>Every table's row count, to show that a refused import changed nothing.</summary>
    public string Fingerprint() =>
        $"lines={Scalar("SELECT COUNT(*) FROM order_lines")} hash={Scalar("SELECT COALESCE(SUM(content_hash % 1000003), 0) FROM order_lines")} " +
        $"purchases={Scalar("SELECT COUNT(*) FROM purchases")} issues={Scalar("SELECT COUNT(*) FROM import_issues")}";

    /// <summary>The tables a refused file must leave alone.</summary>
    public static readonly string[] DataTables = ["order_lines", "order_line_versions", "promotion_lists", "purchases", "import_issues", "users"];

    /// <summary>
    /// A SHA-256 of every stored value of the data tables (type and bytes, in row order): a refused file must leave it
    /// as it was, not only the row counts.
    /// </summary>
    public string TablesHash()
    {
        using var connection = Store.OpenConnection();
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var table in DataTables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY 1;";
            using var reader = command.ExecuteReader();
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(table));
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    // A flag is 0/1 on SQLite and a boolean on PostgreSQL: the same value, hashed alike.
                    var value = reader.GetValue(i) is bool flag ? (flag ? 1L : 0L) : reader.GetValue(i);
                    sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"|{value.GetType().Name}:{(value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture))}"));
                }
                sha.AppendData("\n"u8);
            }
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    public void Dispose()
    {
        Store.Dispose();
        if (Provider == StoreProvider.PostgreSql && _owned)
        {
            TestPostgres.DropDatabase(ConnectionString);
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class ContextFactory(TempDatabase db) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => db.Context();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
