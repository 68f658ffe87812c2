using System.Data.Common;
using Dashboard.Core.Imports;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Data;

/// <summary>
/// What differs between the two stores, behind one type (decision 0016): connections, the bulk writers of an import, the
/// lock that makes a kind of work run once at a time across instances, the isolation of a consistent read, the schema's
/// dialect, and the few SQL differences. <see cref="DashboardStore"/> chooses the implementation once, from the settings:
/// <see cref="Sqlite.SqliteStore"/> or <see cref="PostgreSql.PostgreSqlStore"/>, each in its own folder.
/// </summary>
public abstract class StoreKind : IDisposable
{
    public abstract StoreProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>The SQLite file (null on PostgreSQL).</summary>
    public virtual string? DatabasePath => null;

    /// <summary>Where the store is, for messages: the SQLite file, or PostgreSQL's host and database (never the password).</summary>
    public abstract string Location { get; }

    public abstract DbConnection OpenConnection();

    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>A connection whose writes never wait for another's: to see whether an import is running now.</summary>
    internal abstract DbConnection OpenConnectionThatDoesNotWait();

    /// <summary>Points an EF Core context at this store.</summary>
    public abstract DbContextOptionsBuilder Configure(DbContextOptionsBuilder options);

    /// <summary>How the context maps .NET types to this store's columns.</summary>
    internal abstract void ConfigureConventions(ModelConfigurationBuilder conventions);

    /// <summary>
    /// A read transaction whose statements all see one snapshot (a frame's count and rows, a download), taking no lock that
    /// holds a writer back.
    /// </summary>
    internal abstract ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Stops the statement running on <paramref name="connection"/>, if any (a cancelled import's); safe from another thread.</summary>
    internal abstract void Interrupt(DbConnection connection);

    // The schema.

    /// <summary>What the connection needs before schema steps run on it (SQLite's journal mode, PostgreSQL's collation).</summary>
    internal abstract void PrepareForSchema(DbConnection connection);

    /// <summary>A schema step, written in SQLite's dialect, in this store's.</summary>
    public abstract string TranslateSchema(string sqlite);

    // Writes.

    /// <summary>Settings of the connection for an import's long transaction.</summary>
    internal abstract void PrepareForImport(DbConnection connection);

    /// <summary>Makes the connection check foreign keys (PostgreSQL always does).</summary>
    internal abstract void EnforceForeignKeys(DbConnection connection);

    /// <summary>A transaction that takes the store's write lock at once (SQLite's BEGIN IMMEDIATE).</summary>
    internal abstract DbTransaction BeginWrite(DbConnection connection);

    internal abstract IBatchWriter<OrderLine> OrderLineWriter(DbConnection connection, DbTransaction transaction, BatchContext batch);

    internal abstract IBatchWriter<PurchaseTransaction> PurchaseWriter(DbConnection connection, DbTransaction transaction, BatchContext batch);

    /// <summary>Rows of one table read elsewhere written into this store's table (<see cref="StoreCopy"/>), ids kept.</summary>
    internal abstract void CopyTable(DbDataReader rows, DbConnection connection, DbTransaction transaction, string table);

    /// <summary>After <see cref="CopyTable"/>: the table's generated ids continue after the copied ones.</summary>
    internal abstract void ContinueIds(DbConnection connection, DbTransaction transaction, string table);

    // The SQL that differs.

    /// <summary>The column type of a temporary table's text that is compared with the stored text (the rollup's days and orders).</summary>
    internal abstract string TemporaryText { get; }

    /// <summary>A query of the indexes of the table <c>@table</c> (the primary key left out): a name and its <c>CREATE INDEX</c> a row.</summary>
    internal abstract string IndexesOfTable { get; }

    /// <summary>The day of the week (0 Sunday … 6 Saturday, as an integer) of a <c>yyyy-MM-dd</c> text column, in the store's SQL.</summary>
    internal abstract string WeekdayOf(string dateColumn);

    /// <summary>Settings for one transaction that rewrites much of the rollup.</summary>
    internal abstract void PrepareForRollup(DbConnection connection, DbTransaction transaction);

    /// <summary>Tells the planner a temporary table's size, where it needs telling.</summary>
    internal abstract void Analyze(DbConnection connection, DbTransaction transaction, string table);

    // Locks across instances (decision 0013).

    /// <summary>
    /// Waits for the lock on <paramref name="work"/>, held by <paramref name="connection"/>'s session until disposed; a
    /// cancelled wait ends with the cancellation. Null where no other instance shares the store (SQLite: one process
    /// serves a file, and its write lock already orders the writers).
    /// </summary>
    public abstract IDisposable? Lock(DbConnection connection, StoreWork work, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="Lock"/>, without holding a thread while another instance holds the lock (minutes, for training).</summary>
    internal abstract Task<IDisposable?> LockAsync(DbConnection connection, StoreWork work, CancellationToken cancellationToken);

    /// <summary>False when another instance holds the lock now; else true, with the lock (null where there is none to hold).</summary>
    internal abstract bool TryLock(DbConnection connection, StoreWork work, out IDisposable? held);

    /// <summary>The lock on a connection of its own, for work that spans several connections (the start-up); null where there is none.</summary>
    public abstract IDisposable? LockOnOwnConnection(StoreWork work);

    public abstract void Dispose();
}
