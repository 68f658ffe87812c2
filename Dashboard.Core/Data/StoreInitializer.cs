using Dashboard.Core.Orders.Rollup;
using Dashboard.Core.Data.Schema;
using Dashboard.Core.Imports;
using Dashboard.Core.Orders;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Data;

/// <summary>
/// What every start does before serving anything: bring the schema up to date, re-apply an edited status
/// mapping to the stored lines, and mark imports that a stopped process left Running as Failed.
/// </summary>
public sealed class StoreInitializer(
    DashboardStore store,
    SchemaMigrator migrator,
    StatusGroupMapping statusGroups,
    ImportService imports,
    LargeStoreUpkeep largeStore,
    DataVersion dataVersion,
    ILogger<StoreInitializer> logger)
{
    private const string StatusMappingKey = "status_groups";

    public void Initialize()
    {
        migrator.Migrate(store);
        ApplyStatusGroups();
        SettleLargeStore();
        var interrupted = imports.MarkInterruptedBatches();
        if (interrupted > 0)
        {
            logger.LogWarning("{Count} import(s) had been interrupted by a stop; they are marked Failed and none of their rows were kept", interrupted);
        }
    }

    /// <summary>Re-derives every line's status group when the configured mapping differs from the one the data was written with.</summary>
    private void ApplyStatusGroups()
    {
        var fingerprint = statusGroups.Fingerprint();
        using var connection = store.OpenConnection();
        using var read = connection.Command("SELECT value FROM app_metadata WHERE key = @key;").With("@key", StatusMappingKey);
        if (read.ExecuteScalar() as string == fingerprint)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        using var update = connection.Command("", transaction);
        var cases = statusGroups.Groups.Select((pair, i) =>
        {
            update.With($"@s{i}", pair.Key.Trim().ToUpperInvariant()).With($"@g{i}", pair.Value.ToString());
            return $"WHEN @s{i} THEN @g{i}";
        }).ToList();
        update.CommandText = $"""
            UPDATE order_lines SET status_group = CASE upper(trim(status)) {string.Join(' ', cases)} ELSE '{StatusGroup.Other}' END;
            """;
        var lines = update.ExecuteNonQuery();
        if (LargeStoreUpkeep.IsKept(connection, transaction))
        {
            RollupWriter.RebuildAll(store.Kind, connection, transaction);
        }
        using (var remember = connection.Command(
            "INSERT INTO app_metadata (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value;", transaction))
        {
            remember.With("@key", StatusMappingKey).With("@value", fingerprint).ExecuteNonQuery();
        }
        dataVersion.Record(connection, transaction);
        transaction.Commit();
        dataVersion.Bump();
        logger.LogInformation("Status mapping applied to the stored order lines ({Lines} rows touched)", lines);
    }

    /// <summary>
    /// Keeps the rollup and the large store's indexes where the store's size calls for them under this start's settings (a
    /// changed <c>Analytics:FrameMaxLines</c>, or a store from before decisions 0036 and 0038, which kept them at any size).
    /// </summary>
    private void SettleLargeStore()
    {
        using var connection = store.OpenConnection();
        using var transaction = store.Kind.BeginWrite(connection);
        largeStore.Settle(store.Kind, connection, transaction, stale: false);
        transaction.Commit();
    }
}
