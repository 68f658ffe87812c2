using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using Dashboard.Core.Imports;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Dashboard.Core.Data.PostgreSql;

/// <summary>
/// A PostgreSQL database that several instances share (decision 0013): its writers do not exclude each other, so the
/// instances take turns through advisory locks, and the schema steps run through <see cref="PostgreSqlDialect"/>.
/// </summary>
public sealed partial class PostgreSqlStore : StoreKind
{
    /// <summary>A table's indexes as PostgreSQL keeps them (<see cref="TableIndexes"/>); the primary key stays.</summary>
    internal const string IndexDefinitions =
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @table AND indexname NOT LIKE '%\\_pkey';";

    private readonly NpgsqlDataSource _source;

    public PostgreSqlStore(string connectionString)
    {
        var postgres = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(postgres.Host) || string.IsNullOrWhiteSpace(postgres.Database))
        {
            throw new InvalidOperationException("ConnectionStrings:Dashboard names no Host or no Database for PostgreSQL (e.g. \"Host=127.0.0.1;Database=dashboard;Username=dashboard;Password=…\").");
        }
        // Like SQLite's, a statement has no time limit of its own unless the connection string gives one: an import's upsert
        // or a frame's read of millions of lines, or a wait for another instance's import or training, may take minutes,
        // and each is stopped by cancellation instead (Npgsql's default is 30 s).
        if (!CommandTimeout().IsMatch(connectionString))
        {
            postgres.CommandTimeout = 0;
        }
        ConnectionString = postgres.ConnectionString;
        Location = $"PostgreSQL {postgres.Host}/{postgres.Database}";
        _source = NpgsqlDataSource.Create(ConnectionString);
    }

    [GeneratedRegex(@"(?i)command\s*timeout")]
    private static partial Regex CommandTimeout();

    public override StoreProvider Provider => StoreProvider.PostgreSql;

    public override string ConnectionString { get; }

    public override string Location { get; }

    public override DbConnection OpenConnection() => _source.OpenConnection();

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken);

    /// <summary>Whether an import runs is asked of the import lock (<see cref="TryLock"/>), not of a write.</summary>
    internal override DbConnection OpenConnectionThatDoesNotWait() => OpenConnection();

    public override DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) => options.UseNpgsql(_source);

    /// <summary>
    /// The columns keep what SQLite keeps (decision 0013): whole numbers as <c>bigint</c> and times as sortable ISO text in
    /// the formats EF's SQLite provider writes, so that one set of SQL reads both stores (flags are booleans).
    /// </summary>
    internal override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<int>().HaveConversion<long>();
        conventions.Properties<DateTime>().HaveConversion<DateTimeToStringConverter>();
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToStringConverter>();
        conventions.Properties<DateOnly>().HaveConversion<DateOnlyToStringConverter>();
    }

    /// <summary>One snapshot for every statement: PostgreSQL's default (read committed) gives each statement its own.</summary>
    /// <summary>Repeatable read: read committed, PostgreSQL's default, gives each statement its own snapshot.</summary>
    internal override ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    /// <summary>The server stops the backend's running statement; a second connection asks (with the same credentials).</summary>
    internal override void Interrupt(DbConnection connection) => CancelStatement(connection);

    internal static void CancelStatement(DbConnection connection)
    {
        var postgres = (NpgsqlConnection)connection;
        try
        {
            using var other = postgres.CloneWith(postgres.ConnectionString);
            other.Open();
            using var cancel = other.Command("SELECT pg_cancel_backend(@pid);").With("@pid", postgres.ProcessID);
            cancel.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection is closing or the server is gone: there is nothing left to stop.
        }
    }

    internal override void PrepareForSchema(DbConnection connection) =>
        connection.Execute("CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);");

    public override string TranslateSchema(string sqlite) => PostgreSqlDialect.Translate(sqlite);

    internal override void PrepareForImport(DbConnection connection)
    {
    }

    internal override void EnforceForeignKeys(DbConnection connection)
    {
    }

    internal override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction();

    internal override IBatchWriter<OrderLine> OrderLineWriter(DbConnection connection, DbTransaction transaction, BatchContext batch) =>
        new PostgreSqlOrderLineWriter((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, batch);

    internal override IBatchWriter<PurchaseTransaction> PurchaseWriter(DbConnection connection, DbTransaction transaction, BatchContext batch) =>
        new PostgreSqlPurchaseWriter((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, batch);

    internal override void CopyTable(DbDataReader rows, DbConnection connection, DbTransaction transaction, string table) =>
        PostgreSqlTableCopy.Copy(rows, (NpgsqlConnection)connection, table);

    internal override void ContinueIds(DbConnection connection, DbTransaction transaction, string table) =>
        connection.Execute($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false);", transaction);

    /// <summary>Compares byte-wise, as the stored text does (SQLite's BINARY).</summary>
    internal override string TemporaryText => "TEXT COLLATE \"C\"";

    internal override string IndexesOfTable => IndexDefinitions;

    internal override string WeekdayOf(string dateColumn) => $"CAST(EXTRACT(DOW FROM CAST({dateColumn} AS date)) AS INTEGER)";

    /// <summary>
    /// For this transaction only. The rewrite groups every line of the touched days twice: sorted in memory, not in 4 MB runs
    /// on disk (the default). And it reads the lines of the touched orders by key: with the default cost of a random read
    /// (4, a spinning disk) PostgreSQL reads the whole table instead (12 s against 2 s for one day of 20 M lines); 1.1 is the
    /// usual value for SSDs and a table in memory.
    /// </summary>
    internal override void PrepareForRollup(DbConnection connection, DbTransaction transaction) =>
        connection.Execute("SET LOCAL work_mem = '64MB'; SET LOCAL random_page_cost = 1.1;", transaction);

    /// <summary>Gives the planner a temporary table's size (it has no statistics, and would guess 1,360 rows).</summary>
    internal override void Analyze(DbConnection connection, DbTransaction transaction, string table) =>
        connection.Execute($"ANALYZE {table};", transaction);

    public override IDisposable? Lock(DbConnection connection, StoreWork work, CancellationToken cancellationToken = default) =>
        AdvisoryLock.Take(connection, AdvisoryLock.KeyOf(work), cancellationToken);

    internal override async Task<IDisposable?> LockAsync(DbConnection connection, StoreWork work, CancellationToken cancellationToken) =>
        await AdvisoryLock.TakeAsync(connection, AdvisoryLock.KeyOf(work), cancellationToken);

    internal override bool TryLock(DbConnection connection, StoreWork work, out IDisposable? held)
    {
        held = AdvisoryLock.TryTake(connection, AdvisoryLock.KeyOf(work));
        return held is not null;
    }

    public override IDisposable? LockOnOwnConnection(StoreWork work)
    {
        var connection = OpenConnection();
        try
        {
            return AdvisoryLock.Take(connection, AdvisoryLock.KeyOf(work), ownsConnection: true);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>PostgreSQL's lock timeout: a write found the rows it needs held for longer than it may wait.</summary>
    internal static bool IsBusy(Exception e) => e is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable };

    /// <summary>A statement stopped by <see cref="Interrupt"/>.</summary>
    internal static bool IsInterrupt(Exception e) => e is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled };

    internal static bool IsUniqueViolation(Exception e) => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>A data exception (class 22: e.g. 22021, a byte sequence text cannot hold) or an integrity one (class 23).</summary>
    internal static bool IsRefusedRow(Exception e) => e is PostgresException { SqlState: ['2', '2' or '3', ..] };

    /// <summary>The operator's sentence for a start-up failure of this store; null when it is not one.</summary>
    internal static string? DescribeFailure(Exception e) => e switch
    {
        PostgresException p => $"PostgreSQL refused the connection or the schema: {p.MessageText} ({p.SqlState}). " +
            "Check ConnectionStrings:Dashboard (database, user, password) and that the role owns its database.",
        NpgsqlException n => $"PostgreSQL could not be reached: {n.Message}{(n.InnerException is { } inner ? $" ({inner.Message})" : "")}. " +
            "Is the server running, and are Host and Port in ConnectionStrings:Dashboard right?",
        _ => null,
    };

    public override void Dispose() => _source.Dispose();
}
