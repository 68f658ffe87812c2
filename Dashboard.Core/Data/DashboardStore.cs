using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Core.Data;

/// <summary>Where the store lives: the provider and its resolved connection string, and connections to it.</summary>
public sealed class DashboardStore : IDisposable
{
    private readonly NpgsqlDataSource? _postgres;

    public DashboardStore(string connectionString, string contentRoot, StoreProvider provider = StoreProvider.Sqlite)
    {
        Provider = provider;
        if (provider == StoreProvider.PostgreSql)
        {
            var postgres = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(postgres.Host) || string.IsNullOrWhiteSpace(postgres.Database))
            {
                throw new InvalidOperationException("ConnectionStrings:Dashboard names no Host or no Database for PostgreSQL (e.g. \"Host=127.0.0.1;Database=dashboard;Username=dashboard;Password=…\").");
            }
            // Like SQLite's, a statement has no time limit of its own unless the connection string gives one: an import's upsert
            // or a frame's read of millions of lines, or a wait for another instance's import or training, may take minutes,
            // and each is stopped by cancellation instead (Npgsql's default is 30 s).
            if (!System.Text.RegularExpressions.Regex.IsMatch(connectionString, @"(?i)command\s*timeout"))
            {
                postgres.CommandTimeout = 0;
            }
            ConnectionString = postgres.ConnectionString;
            _postgres = NpgsqlDataSource.Create(ConnectionString);
            return;
        }

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

    public StoreProvider Provider { get; }

    public bool IsPostgreSql => Provider == StoreProvider.PostgreSql;

    public string ConnectionString { get; }

    /// <summary>The SQLite file (null on PostgreSQL).</summary>
    public string? DatabasePath { get; }

    /// <summary>Where the store is, for messages: the SQLite file, or PostgreSQL's host and database (never the password).</summary>
    public string Location => _postgres is null
        ? DatabasePath!
        : PostgreSqlLocation(new NpgsqlConnectionStringBuilder(ConnectionString));

    private static string PostgreSqlLocation(NpgsqlConnectionStringBuilder postgres) => $"PostgreSQL {postgres.Host}/{postgres.Database}";

    /// <summary>Reads <c>Store:Provider</c>: <c>Sqlite</c> (also when unset) or <c>PostgreSQL</c>.</summary>
    public static StoreProvider ParseProvider(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => StoreProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => StoreProvider.PostgreSql,
        _ => throw new InvalidOperationException($"Store:Provider is '{text}'; expected Sqlite or PostgreSQL."),
    };

    public DbConnection OpenConnection()
    {
        if (_postgres is not null)
        {
            return _postgres.OpenConnection();
        }
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Points an EF Core context at this store.</summary>
    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) => _postgres is not null
        ? options.UseNpgsql(_postgres)
        : options.UseSqlite(ConnectionString);

    public DbContextOptions<DashboardDbContext> ContextOptions() =>
        (DbContextOptions<DashboardDbContext>)Configure(new DbContextOptionsBuilder<DashboardDbContext>()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)).Options;

    public void Dispose() => _postgres?.Dispose();
}
