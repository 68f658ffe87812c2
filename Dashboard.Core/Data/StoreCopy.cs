using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Dashboard.Core.Data;

/// <summary>How many rows of one table were copied, as counted on each side afterwards.</summary>
public sealed record TableCopy(string Table, long Source, long Target);

/// <summary>What <see cref="StoreCopy"/> did: every table's counts, and whether the copy was kept.</summary>
public sealed record StoreCopyResult(IReadOnlyList<TableCopy> Tables, bool Committed, string? Error, double Seconds);

/// <summary>
/// Copies a store into an empty PostgreSQL database (the <c>migrate-store</c> verb, issue 13), so that a team moves from
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
        if (!target.IsPostgreSql)
        {
            throw new InvalidOperationException("migrate-store copies into PostgreSQL: --to takes a PostgreSQL connection string (Host=…;Database=…).");
        }
        var clock = Stopwatch.StartNew();
        using var from = source.OpenConnection();
        using var to = (NpgsqlConnection)target.OpenConnection();
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
            CopyTable(from, snapshot, to, table);
            if (Identities.Contains(table))
            {
                to.Execute($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false);", transaction);
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

    /// <summary>One table by binary COPY, each column converted to the target column's type (SQLite keeps flags as 0/1).</summary>
    private static void CopyTable(DbConnection from, DbTransaction snapshot, NpgsqlConnection to, string table)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var columns = to.Command("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t;")
            .With("@t", table))
        using (var reader = columns.ExecuteReader())
        {
            while (reader.Read())
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }

        using var read = from.Command($"SELECT * FROM {table} ORDER BY 1;", snapshot);
        using var rows = read.ExecuteReader();
        var names = Enumerable.Range(0, rows.FieldCount).Select(rows.GetName).ToArray();
        var missing = names.Where(n => !types.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The target's {table} lacks the column(s) {string.Join(", ", missing)}: is it at the same schema version?");
        }
        using var copy = to.BeginBinaryImport($"COPY {table} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY);");
        while (rows.Read())
        {
            copy.StartRow();
            for (var i = 0; i < names.Length; i++)
            {
                if (rows.IsDBNull(i))
                {
                    copy.WriteNull();
                    continue;
                }
                switch (types[names[i]])
                {
                    case "bigint":
                        copy.Write(rows.GetInt64(i), NpgsqlTypes.NpgsqlDbType.Bigint);
                        break;
                    case "integer":
                        copy.Write(checked((int)rows.GetInt64(i)), NpgsqlTypes.NpgsqlDbType.Integer);
                        break;
                    case "boolean":
                        copy.Write(rows.GetInt64(i) != 0, NpgsqlTypes.NpgsqlDbType.Boolean);
                        break;
                    case "bytea":
                        copy.Write((byte[])rows.GetValue(i), NpgsqlTypes.NpgsqlDbType.Bytea);
                        break;
                    default:
                        copy.Write(Convert.ToString(rows.GetValue(i), CultureInfo.InvariantCulture)!, NpgsqlTypes.NpgsqlDbType.Text);
                        break;
                }
            }
        }
        copy.Complete();
    }

    private static long Count(DbConnection connection, DbTransaction transaction, string table) =>
        Convert.ToInt64(connection.Scalar($"SELECT COUNT(*) FROM {table};", transaction), CultureInfo.InvariantCulture);
}
