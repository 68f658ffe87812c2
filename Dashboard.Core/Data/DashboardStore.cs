using System.Data.Common;
using Dashboard.Core.Data.PostgreSql;
using Dashboard.Core.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dashboard.Core.Data;

/// <summary>
/// Where the store lives, and connections to it. The one place that builds a <see cref="StoreKind"/> from the settings
/// (decision 0016): the rest of the code asks <see cref="Kind"/> for what differs between SQLite and PostgreSQL.
/// </summary>
public sealed class DashboardStore : IDisposable
{
    public DashboardStore(string connectionString, string contentRoot, StoreProvider provider = StoreProvider.Sqlite) =>
        Kind = provider == StoreProvider.PostgreSql
            ? new PostgreSqlStore(connectionString)
            : new SqliteStore(connectionString, contentRoot);

    /// <summary>What this store does its own way: writers, locks, dialect.</summary>
    public StoreKind Kind { get; }

    public StoreProvider Provider => Kind.Provider;

    public string ConnectionString => Kind.ConnectionString;

    /// <summary>The SQLite file (null on PostgreSQL).</summary>
    public string? DatabasePath => Kind.DatabasePath;

    /// <summary>Where the store is, for messages: the SQLite file, or PostgreSQL's host and database (never the password).</summary>
    public string Location => Kind.Location;

    public DbConnection OpenConnection() => Kind.OpenConnection();

    public Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) => Kind.OpenConnectionAsync(cancellationToken);

    /// <summary>Points an EF Core context at this store.</summary>
    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options)
    {
        ((IDbContextOptionsBuilderInfrastructure)Kind.Configure(options)).AddOrUpdateExtension(new StoreKindExtension(Kind));
        return options;
    }

    public DbContextOptions<DashboardDbContext> ContextOptions() =>
        (DbContextOptions<DashboardDbContext>)Configure(new DbContextOptionsBuilder<DashboardDbContext>()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)).Options;

    // Errors come from either store's driver; these ask both (a page or a handler has no store at hand).

    /// <summary>A write refused because the store was held by a long one for longer than the write may wait (<see cref="StoreBusy"/>).</summary>
    public static bool IsBusy(Exception e) => SqliteStore.IsBusy(e) || PostgreSqlStore.IsBusy(e);

    /// <summary>A statement stopped by <see cref="StoreKind.Interrupt"/> (a cancelled import's).</summary>
    public static bool IsInterrupt(Exception e) => SqliteStore.IsInterrupt(e) || PostgreSqlStore.IsInterrupt(e);

    /// <summary>
    /// A row the store refuses for what it holds (a value it cannot keep, a constraint), which no retry changes; also a text
    /// the driver cannot encode.
    /// </summary>
    public static bool IsRefusedRow(Exception e) =>
        e is System.Text.EncoderFallbackException || SqliteStore.IsRefusedRow(e) || PostgreSqlStore.IsRefusedRow(e);

    /// <summary>A row that would repeat a unique key.</summary>
    public static bool IsUniqueViolation(Exception e) => SqliteStore.IsUniqueViolation(e) || PostgreSqlStore.IsUniqueViolation(e);

    /// <summary>The operator's sentence for a store that cannot be reached or opened at start; null when it is not that.</summary>
    public static string? DescribeFailure(Exception e) => PostgreSqlStore.DescribeFailure(e) ?? SqliteStore.DescribeFailure(e);

    public void Dispose() => Kind.Dispose();
}
