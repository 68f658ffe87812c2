using System.Data.Common;
using Dashboard.Core.Settings;

namespace Dashboard.Core.Data;

/// <summary>
/// The store: <c>Store:Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSQL</c>) and its connection string,
/// <c>ConnectionStrings:Dashboard</c> (decision 0013).
/// </summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";
    public const string ConnectionStringName = "Dashboard";
    public const string ConnectionStringSetting = "ConnectionStrings:" + ConnectionStringName;

    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>From <c>ConnectionStrings:Dashboard</c>, outside this section.</summary>
    [SettingPath(ConnectionStringSetting)]
    public string? ConnectionString { get; set; }

    /// <summary>The connection string as the provider reads it; throws <see cref="ArgumentException"/> for one it cannot read.</summary>
    public DbConnectionStringBuilder ParsedConnectionString() => Provider == StoreProvider.PostgreSql
        ? new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString)
        : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
}
