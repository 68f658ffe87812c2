using System.Data.Common;
using Dashboard.Core.Imports;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Data.Sqlite;

/// <summary>
/// The embedded store: one SQLite file next to the app, served by one process. Its single write lock orders the
/// writers, and readers never wait (WAL), so it needs no lock across instances.
/// </summary>
public sealed class SqliteStore : StoreKind
{
    /// <summary>A table's indexes as SQLite keeps them (<see cref="TableIndexes"/>).</summary>
    internal const string IndexDefinitions = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL;";

    public SqliteStore(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new InvalidOperationException("ConnectionStrings:Dashboard names no Data Source.");
        }
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }
        if (builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        // Imports hold one long write transaction: another write waits up to Default Timeout (30 s unless the connection
        // string says otherwise) and is then refused with StoreBusy's message. Readers never wait (WAL).
        ConnectionString = builder.ToString();
        DatabasePath = builder.DataSource;
    }

    public override StoreProvider Provider => StoreProvider.Sqlite;

    public override string ConnectionString { get; }

    public override string DatabasePath { get; }

    public override string Location => DatabasePath;

    public override DbConnection OpenConnection() => Open(ConnectionString);

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    internal override DbConnection OpenConnectionThatDoesNotWait() =>
        Open(new SqliteConnectionStringBuilder(ConnectionString) { DefaultTimeout = 0 }.ToString());

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    public override DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) => options.UseSqlite(ConnectionString);

    /// <summary>EF's SQLite provider keeps the columns as the schema steps made them.</summary>
    internal override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
    }

    /// <summary>A SQLite read transaction sees one snapshot already (WAL).</summary>
    /// <summary>
    /// A deferred BEGIN: SQLite's snapshot starts at the first read and takes no lock. Microsoft.Data.Sqlite's default is
    /// IMMEDIATE, the store's write lock held for as long as the read lasts: sign-ins and imports waited behind downloads.
    /// </summary>
    internal override ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    internal override void Interrupt(DbConnection connection) => SQLitePCL.raw.sqlite3_interrupt(((SqliteConnection)connection).Handle);

    internal override void PrepareForSchema(DbConnection connection) => connection.Execute("PRAGMA journal_mode = WAL;");

    /// <summary>The steps are written in SQLite's dialect.</summary>
    public override string TranslateSchema(string sqlite) => sqlite;

    internal override void PrepareForImport(DbConnection connection) =>
        connection.Execute("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;");

    internal override void EnforceForeignKeys(DbConnection connection) => connection.Execute("PRAGMA foreign_keys = ON;");

    internal override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    internal override IBatchWriter<OrderLine> OrderLineWriter(DbConnection connection, DbTransaction transaction, BatchContext batch) =>
        new SqliteOrderLineWriter((SqliteConnection)connection, (SqliteTransaction)transaction, batch);

    internal override IBatchWriter<PurchaseTransaction> PurchaseWriter(DbConnection connection, DbTransaction transaction, BatchContext batch) =>
        new SqlitePurchaseWriter((SqliteConnection)connection, (SqliteTransaction)transaction, batch);

    /// <summary><c>migrate-store</c> copies into PostgreSQL only.</summary>
    internal override void CopyTable(DbDataReader rows, DbConnection connection, DbTransaction transaction, string table) =>
        throw new InvalidOperationException("migrate-store copies into PostgreSQL: --to takes a PostgreSQL connection string (Host=…;Database=…).");

    /// <summary>AUTOINCREMENT continues after the largest id by itself.</summary>
    internal override void ContinueIds(DbConnection connection, DbTransaction transaction, string table)
    {
    }

    internal override string TemporaryText => "TEXT";

    internal override string IndexesOfTable => IndexDefinitions;

    internal override string WeekdayOf(string dateColumn) => $"CAST(strftime('%w', {dateColumn}) AS INTEGER)";

    internal override void PrepareForRollup(DbConnection connection, DbTransaction transaction)
    {
    }

    /// <summary>SQLite's planner needs no statistics of the temporary tables.</summary>
    internal override void Analyze(DbConnection connection, DbTransaction transaction, string table)
    {
    }

    public override IDisposable? Lock(DbConnection connection, StoreWork work, CancellationToken cancellationToken = default) => null;

    internal override Task<IDisposable?> LockAsync(DbConnection connection, StoreWork work, CancellationToken cancellationToken) =>
        Task.FromResult<IDisposable?>(null);

    internal override bool TryLock(DbConnection connection, StoreWork work, out IDisposable? held)
    {
        held = null;
        return true;
    }

    public override IDisposable? LockOnOwnConnection(StoreWork work) => null;

    /// <summary>SQLite's "database is busy/locked": a write found the store held by a long one for longer than its busy timeout.</summary>
    internal static bool IsBusy(Exception e) => e is SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED

    /// <summary>A statement stopped by <see cref="Interrupt"/>.</summary>
    internal static bool IsInterrupt(Exception e) => e is SqliteException { SqliteErrorCode: 9 }; // SQLITE_INTERRUPT

    internal static bool IsUniqueViolation(Exception e) => e is SqliteException { SqliteErrorCode: 19 };

    /// <summary>A value too big, a constraint, a type mismatch, a parameter out of range.</summary>
    internal static bool IsRefusedRow(Exception e) => e is SqliteException { SqliteErrorCode: 18 or 19 or 20 or 25 };

    /// <summary>The operator's sentence for a start-up failure of this store; null when it is not one.</summary>
    internal static string? DescribeFailure(Exception e) => e switch
    {
        SqliteException s => $"The SQLite database could not be opened or written: {s.Message}. " +
            "Check the Data Source in ConnectionStrings:Dashboard and that its folder is writable.",
        IOException or UnauthorizedAccessException when e.StackTrace?.Contains("Dashboard.Core.Data.Sqlite.SqliteStore", StringComparison.Ordinal) == true
            => $"The SQLite database could not be opened: its folder cannot be created ({e.Message}). " +
               "Check the Data Source in ConnectionStrings:Dashboard and that its folder is writable.",
        _ => null,
    };

    public override void Dispose()
    {
    }
}
