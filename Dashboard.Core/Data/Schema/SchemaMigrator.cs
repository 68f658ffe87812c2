using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Data.Schema;

/// <summary>
/// Brings the store to the newest schema by running, in order and each in its own transaction, the
/// <see cref="SchemaStep"/>s it has not yet had. Refuses a database written by a newer version. Each step runs in the
/// store's dialect (<see cref="StoreKind.TranslateSchema"/>), under the store's schema lock, so that instances starting
/// together upgrade a shared database once.
/// </summary>
public sealed class SchemaMigrator(ILogger<SchemaMigrator> logger)
{
    public int LatestVersion => SchemaSteps.All[^1].Version;

    public int Migrate(DashboardStore store, int? targetVersion = null)
    {
        using var connection = store.OpenConnection();
        using var upgrading = store.Kind.Lock(connection, StoreWork.SchemaUpgrade);
        store.Kind.PrepareForSchema(connection);
        return Migrate(connection, store.Kind, targetVersion);
    }

    private int Migrate(DbConnection connection, StoreKind kind, int? targetVersion)
    {
        connection.Execute("""
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
            connection.Execute(kind.TranslateSchema(step.Sql), transaction);
            step.Data?.Invoke(kind, connection, transaction);
            using var record = connection.Command("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t);", transaction)
                .With("@v", step.Version)
                .With("@n", step.Name)
                .With("@t", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
            transaction.Commit();
            logger.LogInformation("Applied schema step {Version}: {Name}", step.Version, step.Name);
            current = step.Version;
        }
        return current;
    }

    public static int CurrentVersion(DbConnection connection) =>
        Convert.ToInt32(connection.Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations;"), CultureInfo.InvariantCulture);
}
