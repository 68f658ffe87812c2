using System.Data.Common;
using System.Diagnostics;
using System.Globalization;

namespace Dashboard.Core.Data;

/// <summary>How many rows of one table were copied, as counted on each side afterwards.</summary>
public sealed record TableCopy(string Table, long Source, long Target);

/// <summary>What <see cref="StoreCopy"/> did: every table's counts, and whether the copy was kept.</summary>
public sealed record StoreCopyResult(IReadOnlyList<TableCopy> Tables, bool Committed, string? Error, double Seconds);

/// <summary>
/// Copies a store into an empty PostgreSQL database (the <c>migrate-store</c> verb, decision 0013), so that a team moves from
/// SQLite without importing again: every table, ids kept, in one target transaction read from one source snapshot. Each
/// table's rows are then counted on both sides; any difference, or a target that already holds data, and nothing is kept.
/// </summary>
public static class StoreCopy
{
    /// <summary>The tables in an order that satisfies their references (schema_migrations is the target's own).</summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "import_batches", "import_issues", "promotion_lists", "order_lines", "order_line_versions", "purchases", "app_metadata",
        "models", "users", "audit_log", "digest_subscriptions", "digest_sends", "data_protection_keys", "rollup_cells", "rollup_shapes",
    ];

    /// <summary>Tables whose <c>id</c> is generated: their sequence continues after the copied ids.</summary>
    private static readonly HashSet<string> Identities =
    [
        "import_batches", "import_issues", "promotion_lists", "order_lines", "purchases", "models", "users", "audit_log",
        "digest_subscriptions", "digest_sends", "data_protection_keys",
    ];

    public static StoreCopyResult Copy(DashboardStore source, DashboardStore target, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        using var from = source.OpenConnection();
        using var to = target.OpenConnection();
        using var snapshot = from.BeginTransaction(System.Data.IsolationLevel.Serializable);
        using var transaction = to.BeginTransaction();

        var occupied = Tables.Where(t => t != "app_metadata" && t != "data_protection_keys")
            .Select(t => (Table: t, Rows: Count(to, transaction, t))).Where(t => t.Rows > 0).ToList();
        if (occupied.Count > 0)
        {
            return new StoreCopyResult([], false,
                "The target database already holds data (" + string.Join(", ", occupied.Select(t => $"{t.Table}: {t.Rows:N0}")) +
                "); migrate-store copies into an empty database only. Nothing was changed.", clock.Elapsed.TotalSeconds);
        }
        // The target's own bookkeeping (a key ring made when it was first started) gives way to the source's.
        to.Execute("DELETE FROM app_metadata; DELETE FROM data_protection_keys;", transaction);

        var tables = new List<TableCopy>();
        foreach (var table in Tables)
        {
            progress?.Report($"copying {table}");
            using (var read = from.Command($"SELECT * FROM {table} ORDER BY 1;", snapshot))
            using (var rows = read.ExecuteReader())
            {
                target.Kind.CopyTable(rows, to, transaction, table);
            }
            if (Identities.Contains(table))
            {
                target.Kind.ContinueIds(to, transaction, table);
            }
            tables.Add(new TableCopy(table, Count(from, snapshot, table), Count(to, transaction, table)));
        }

        var different = tables.Where(t => t.Source != t.Target).ToList();
        if (different.Count > 0)
        {
            transaction.Rollback();
            return new StoreCopyResult(tables, false,
                "The row counts differ (" + string.Join(", ", different.Select(t => $"{t.Table}: {t.Source:N0} read, {t.Target:N0} written")) +
                "); nothing was kept.", clock.Elapsed.TotalSeconds);
        }
        transaction.Commit();
        return new StoreCopyResult(tables, true, null, clock.Elapsed.TotalSeconds);
    }

    private static long Count(DbConnection connection, DbTransaction transaction, string table) =>
        Convert.ToInt64(connection.Scalar($"SELECT COUNT(*) FROM {table};", transaction), CultureInfo.InvariantCulture);
}
