using Dashboard.Core.Imports;
using Dashboard.Core.Orders;
using Npgsql;
using NpgsqlTypes;
using static Dashboard.Core.Imports.OrderLineColumns;

namespace Dashboard.Core.Data.PostgreSql;

/// <summary>
/// <see cref="Sqlite.SqliteOrderLineWriter"/>'s upsert on PostgreSQL (decision 0013): every row goes by binary <c>COPY</c> into a staging
/// table, and the batch is then a handful of set statements in the batch's transaction — the file's last row of each
/// (Order ID, SKU) wins, the lines it changes are kept for undo, and one <c>INSERT … ON CONFLICT</c> writes the new and changed
/// ones. The counts, repeats and status changes are the same as SQLite's, worked out by comparing the staged rows with the
/// stored lines in one pass.
/// </summary>
internal sealed class PostgreSqlOrderLineWriter : IBatchWriter<OrderLine>
{
    /// <summary>
    /// What is staged: the stored columns with the promotion-ids text instead of its id, and the first row of the file that
    /// named the key (a line keeps the place of its key's first row, as on SQLite: its id follows the file).
    /// </summary>
    private const string StagedColumns =
        "row_number, position, order_id, order_date, sku, status, status_group, fulfilment, sales_channel, service_level, style, category, size, " +
        "asin, courier_status, qty, currency, amount_minor, city_raw, city, state_raw, state, postal_code, country, promotion_ids, b2b, " +
        "fulfilled_by, source_index, content_hash";

    private static readonly string[] StatusGroupNames = Enum.GetNames<StatusGroup>();

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly BatchContext _batch;
    /// <summary>The first and the last row of this file that named each key, to report repeats as SQLite's writer does.</summary>
    private readonly Dictionary<(string OrderId, string Sku), (int First, int Last)> _rows = [];
    /// <summary>The rows a later row of the same key replaced: removed from the staging table before anything is written.</summary>
    private readonly List<long> _replaced = [];
    private readonly DateTexts _dates = new();
    private NpgsqlBinaryImporter? _copy;
    /// <summary>The indexes of an empty table, dropped for a first load and built once at the end; null when lines are stored.</summary>
    private readonly TableIndexes? _indexesToBuild;

    public PostgreSqlOrderLineWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, BatchContext batch)
    {
        _connection = connection;
        _transaction = transaction;
        _batch = batch;

        if (!batch.IsSample)
        {
            connection.Execute($"DELETE FROM order_lines WHERE {SampleLines};", transaction);
        }
        _indexesToBuild = TableIndexes.DropIfEmpty(connection, transaction, "order_lines", PostgreSqlStore.IndexDefinitions,
            LargeStoreUpkeep.Indexes.Select(i => i.Name));
        connection.Execute("""
            CREATE TEMPORARY TABLE import_lines (
                row_number BIGINT NOT NULL, position BIGINT NOT NULL, order_id TEXT COLLATE "C" NOT NULL, order_date TEXT COLLATE "C" NOT NULL,
                sku TEXT COLLATE "C" NOT NULL, status TEXT COLLATE "C" NOT NULL, status_group TEXT COLLATE "C" NOT NULL,
                fulfilment TEXT COLLATE "C" NOT NULL, sales_channel TEXT COLLATE "C" NOT NULL, service_level TEXT COLLATE "C" NOT NULL,
                style TEXT COLLATE "C" NOT NULL, category TEXT COLLATE "C" NOT NULL, size TEXT COLLATE "C" NOT NULL,
                asin TEXT COLLATE "C" NOT NULL, courier_status TEXT COLLATE "C", qty BIGINT NOT NULL, currency TEXT COLLATE "C",
                amount_minor BIGINT, city_raw TEXT COLLATE "C", city TEXT COLLATE "C", state_raw TEXT COLLATE "C", state TEXT COLLATE "C",
                postal_code BIGINT, country TEXT COLLATE "C", promotion_ids TEXT COLLATE "C", b2b BOOLEAN NOT NULL,
                fulfilled_by TEXT COLLATE "C", source_index BIGINT, content_hash BIGINT NOT NULL
            ) ON COMMIT DROP;
            """, transaction);
        _copy = connection.BeginBinaryImport($"COPY import_lines ({StagedColumns}) FROM STDIN (FORMAT BINARY);");
    }

    public void Write(OrderLine line, int rowNumber)
    {
        line.IsSample = _batch.IsSample;
        line.BatchId = _batch.Id;
        _batch.Counts.See(line);
        var key = (line.OrderId, line.Sku);
        var first = rowNumber;
        if (_rows.TryGetValue(key, out var earlier))
        {
            _batch.Counts.Duplicates++;
            _batch.Counts.AddIssue(new ImportIssueSummary(IssueKind.Duplicate, rowNumber, "Order ID, SKU", $"{line.OrderId}, {line.Sku}",
                $"repeats row {earlier.Last}; the later row is kept"));
            _replaced.Add(earlier.Last);
            first = earlier.First;
        }
        _rows[key] = (first, rowNumber);

        var copy = _copy!;
        copy.StartRow();
        copy.Write((long)rowNumber, NpgsqlDbType.Bigint);
        copy.Write((long)first, NpgsqlDbType.Bigint);
        copy.Write(line.OrderId, NpgsqlDbType.Text);
        copy.Write(_dates.Of(line.Date), NpgsqlDbType.Text);
        copy.Write(line.Sku, NpgsqlDbType.Text);
        copy.Write(line.Status, NpgsqlDbType.Text);
        copy.Write(StatusGroupNames[(int)line.StatusGroup], NpgsqlDbType.Text);
        copy.Write(line.Fulfilment, NpgsqlDbType.Text);
        copy.Write(line.SalesChannel, NpgsqlDbType.Text);
        copy.Write(line.ServiceLevel, NpgsqlDbType.Text);
        copy.Write(line.Style, NpgsqlDbType.Text);
        copy.Write(line.Category, NpgsqlDbType.Text);
        copy.Write(line.Size, NpgsqlDbType.Text);
        copy.Write(line.Asin, NpgsqlDbType.Text);
        copy.WriteText(line.CourierStatus);
        copy.Write((long)line.Qty, NpgsqlDbType.Bigint);
        copy.WriteText(line.Currency);
        copy.WriteNumber(line.AmountMinor);
        copy.WriteText(line.CityRaw);
        copy.WriteText(line.City);
        copy.WriteText(line.StateRaw);
        copy.WriteText(line.State);
        copy.WriteNumber(line.PostalCode);
        copy.WriteText(line.Country);
        copy.WriteText(line.PromotionIds);
        copy.Write(line.B2B, NpgsqlDbType.Boolean);
        copy.WriteText(line.FulfilledBy);
        copy.WriteNumber(line.SourceIndex);
        copy.Write(line.ContentHash, NpgsqlDbType.Bigint);
    }

    public void Complete()
    {
        _copy!.Complete();
        _copy.Dispose();
        _copy = null;

        DropReplacedRows();
        AddPromotionLists();
        Classify();
        if (_batch.Counts.Inserted + _batch.Counts.Updated == 0)
        {
            _indexesToBuild?.Rebuild(_connection, _transaction);
            return;
        }
        SavePrevious();
        Upsert();
        _indexesToBuild?.Rebuild(_connection, _transaction);
    }

    /// <summary>The file's last row of each key wins (rare: the real export repeats 7 keys in 128,975 rows).</summary>
    private void DropReplacedRows()
    {
        if (_replaced.Count > 0)
        {
            using var drop = _connection.Command("DELETE FROM import_lines WHERE row_number = ANY(@rows);", _transaction).With("@rows", _replaced.ToArray());
            drop.ExecuteNonQuery();
        }
    }

    /// <summary>Each distinct promotion-ids text is stored once (schema step 5): the new ones are added here, and a line gets its id in <see cref="Upsert"/>.</summary>
    private void AddPromotionLists() =>
        _connection.Execute("""
            INSERT INTO promotion_lists (ids)
            SELECT DISTINCT s.promotion_ids FROM import_lines s
            WHERE s.promotion_ids IS NOT NULL AND NOT EXISTS (SELECT 1 FROM promotion_lists p WHERE p.ids = s.promotion_ids);
            """, _transaction);

    /// <summary>
    /// What the batch does to each key, compared with the line stored before it: new, unchanged, or changed (and from which
    /// status to which), in one pass.
    /// </summary>
    private void Classify()
    {
        const string Stored = "import_lines s LEFT JOIN order_lines o ON o.order_id = s.order_id AND o.sku = s.sku AND o.is_sample = @sample";
        using var classify = _connection.Command($"""
            SELECT o.id IS NULL, o.content_hash = s.content_hash, o.status, s.status, count(*) FROM {Stored}
            GROUP BY 1, 2, 3, 4;
            """, _transaction).With("@sample", _batch.IsSample);
        using var reader = classify.ExecuteReader();
        while (reader.Read())
        {
            var lines = checked((int)reader.GetInt64(4));
            if (reader.GetBoolean(0))
            {
                _batch.Counts.Inserted += lines;
            }
            else if (reader.GetBoolean(1))
            {
                _batch.Counts.Unchanged += lines;
            }
            else
            {
                _batch.Counts.Updated += lines;
                var (from, to) = (reader.GetString(2), reader.GetString(3));
                if (!string.Equals(from, to, StringComparison.Ordinal))
                {
                    _batch.Counts.StatusChanges[(from, to)] = _batch.Counts.StatusChanges.GetValueOrDefault((from, to)) + lines;
                }
            }
        }
    }

    /// <summary>For undo: each line this batch changes, as it was before (a dry run, batch 0, and sample data skip it).</summary>
    private void SavePrevious()
    {
        if (_batch.Counts.Updated == 0 || _batch.Id <= 0 || _batch.IsSample)
        {
            return;
        }
        using var save = _connection.Command($"""
            INSERT INTO order_line_versions (changed_by_batch_id, id, {Columns})
            SELECT @batch, o.id, {string.Join(", ", ColumnNames.Select(c => "o." + c))}
            FROM import_lines s JOIN order_lines o ON o.order_id = s.order_id AND o.sku = s.sku AND o.is_sample = @sample
            WHERE o.content_hash <> s.content_hash
            ON CONFLICT DO NOTHING;
            """, _transaction).With("@batch", _batch.Id).With("@sample", _batch.IsSample);
        save.ExecuteNonQuery();
    }

    /// <summary>One upsert of the new and changed lines; an unchanged line is not written at all.</summary>
    private void Upsert()
    {
        var values = string.Join(", ", ColumnNames.Select(c => c switch
        {
            "promotion_list_id" => "p.id",
            "is_sample" => "@sample",
            "batch_id" => "@batch",
            _ => "s." + c,
        }));
        var select = $"SELECT {values} FROM import_lines s LEFT JOIN promotion_lists p ON p.ids = s.promotion_ids";
        using var write = _connection.Command(_indexesToBuild is not null
            // A first load: every staged line is new, and the indexes are built once, afterwards.
            ? $"INSERT INTO order_lines ({Columns}) {select} ORDER BY s.position;"
            : $"""
              INSERT INTO order_lines ({Columns}) {select}
              WHERE NOT EXISTS (SELECT 1 FROM order_lines o WHERE o.order_id = s.order_id AND o.sku = s.sku AND o.content_hash = s.content_hash)
              ORDER BY s.position
              ON CONFLICT (order_id, sku) DO UPDATE SET
                  {string.Join(", ", ColumnNames.Where(c => c is not "order_id" and not "sku").Select(c => $"{c} = excluded.{c}"))}
              WHERE order_lines.content_hash <> excluded.content_hash;
              """, _transaction).With("@sample", _batch.IsSample).With("@batch", _batch.Id);
        write.ExecuteNonQuery();
    }

    public void Dispose() => _copy?.Dispose();
}
