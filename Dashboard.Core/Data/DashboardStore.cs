using Microsoft.Data.Sqlite;

namespace Dashboard.Core.Data;

/// <summary>Where the store lives: the resolved SQLite connection string.</summary>
public sealed class DashboardStore
{
    public DashboardStore(string connectionString, string contentRoot)
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

    public string ConnectionString { get; }
    public string DatabasePath { get; }

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }
}
