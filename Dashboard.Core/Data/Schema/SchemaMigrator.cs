using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Data.Schema;

/// <summary>
/// Brings a SQLite database to the newest schema by running, in order and each in its own transaction,
/// the <see cref="SchemaStep"/>s it has not yet had. Refuses a database written by a newer version.
/// </summary>
public sealed class SchemaMigrator(ILogger<SchemaMigrator> logger)
{
    public int LatestVersion => SchemaSteps.All[^1].Version;

    public int Migrate(string connectionString, int? targetVersion = null)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            );
            """);

        var current = CurrentVersion(connection);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this version of Dashboard knows ({LatestVersion}). " +
                "Run a newer Dashboard, or point ConnectionStrings:Dashboard at another database.");
        }

        var target = targetVersion ?? LatestVersion;
        foreach (var step in SchemaSteps.All.Where(s => s.Version > current && s.Version <= target))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, step.Sql, transaction);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t);";
            record.Parameters.AddWithValue("$v", step.Version);
            record.Parameters.AddWithValue("$n", step.Name);
            record.Parameters.AddWithValue("$t", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
            transaction.Commit();
            logger.LogInformation("Applied schema step {Version}: {Name}", step.Version, step.Name);
            current = step.Version;
        }
        return current;
    }

    public static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
