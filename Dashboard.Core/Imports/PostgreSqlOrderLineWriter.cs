using System.Globalization;
using Dashboard.Core.Data;
using Dashboard.Core.Orders;
using Npgsql;
using NpgsqlTypes;

namespace Dashboard.Core.Imports;

/// <summary>
/// <see cref="OrderLineWriter"/>'s upsert on PostgreSQL (issue 13): every row goes by binary <c>COPY</c> into a staging
/// table, and the batch is then a handful of set statements in the batch's transaction — the file's last row of each
/// (Order ID, SKU) wins, the lines it changes are kept for undo, and one <c>INSERT … ON CONFLICT</c> writes them. The counts,
/// repeats and status changes are the same as SQLite's, worked out by comparing the winners with the stored lines.
/// </summary>
internal sealed class PostgreSqlOrderLineWriter : IBatchWriter<OrderLine>
{
    /// <summary>The stored columns, as <see cref="OrderLineWriter"/> writes them.</summary>
    private const string Columns =
        "order_id, order_date, sku, status, status_group, fulfilment, sales_channel, service_level, style, category, size, asin, " +
        "courier_status, qty, currency, amount_minor, city_raw, city, state_raw, state, postal_code, country, promotion_list_id, b2b, " +
        "fulfilled_by, source_index, is_sample, batch_id, content_hash";

    /// <summary>What is staged: the stored columns with the promotion-ids text instead of its id, and the row of the file.</summary>
    private const string StagedColumns =
        "row_number, order_id, order_date, sku, status, status_group, fulfilment, sales_channel, service_level, style, category, size, " +
        "asin, courier_status, qty, currency, amount_minor, city_raw, city, state_raw, state, postal_code, country, promotion_ids, b2b, " +
        "fulfilled_by, source_index, content_hash";

    private static readonly string[] StatusGroupNames = Enum.GetNames<StatusGroup>();

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly BatchCounts _counts;
    private readonly bool _isSample;
    private readonly long _batchId;
    /// <summary>The row of this file that last named each key, to report repeats as SQLite's writer does.</summary>
    private readonly Dictionary<(string OrderId, string Sku), int> _rows = [];
    private readonly Dictionary<int, string> _dateTexts = [];
    private NpgsqlBinaryImporter? _copy;

    public PostgreSqlOrderLineWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, BatchCounts counts, bool isSample, long batchId)
    {
        _connection = connection;
        _transaction = transaction;
        _counts = counts;
        _isSample = isSample;
        _batchId = batchId;

        if (!isSample)
        {
            connection.Execute("DELETE FROM order_lines WHERE is_sample = TRUE;", transaction);
        }
        connection.Execute("""
            CREATE TEMPORARY TABLE import_lines (
                row_number BIGINT NOT NULL, order_id TEXT COLLATE "C" NOT NULL, order_date TEXT COLLATE "C" NOT NULL,
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
        line.IsSample = _isSample;
        line.BatchId = _batchId;
        _counts.SeeDate(line.Date);
        if (line.Currency is { } currency)
        {
            _counts.Currencies.Add(currency);
        }
        var key = (line.OrderId, line.Sku);
        if (_rows.TryGetValue(key, out var earlier))
        {
            _counts.Duplicates++;
            _counts.AddIssue(new ImportIssueSummary(IssueKind.Duplicate, rowNumber, "Order ID, SKU", $"{line.OrderId}, {line.Sku}",
                $"repeats row {earlier}; the later row is kept"));
        }
        _rows[key] = rowNumber;

        var copy = _copy!;
        copy.StartRow();
        copy.Write((long)rowNumber, NpgsqlDbType.Bigint);
        copy.Write(line.OrderId, NpgsqlDbType.Text);
        copy.Write(DateText(line.Date), NpgsqlDbType.Text);
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
        Text(copy, line.CourierStatus);
        copy.Write((long)line.Qty, NpgsqlDbType.Bigint);
        Text(copy, line.Currency);
        Number(copy, line.AmountMinor);
        Text(copy, line.CityRaw);
        Text(copy, line.City);
        Text(copy, line.StateRaw);
        Text(copy, line.State);
        Number(copy, line.PostalCode);
        Text(copy, line.Country);
        Text(copy, line.PromotionIds);
        copy.Write(line.B2B, NpgsqlDbType.Boolean);
        Text(copy, line.FulfilledBy);
        Number(copy, line.SourceIndex);
        copy.Write(line.ContentHash, NpgsqlDbType.Bigint);
    }

    public void Complete()
    {
        _copy!.Complete();
        _copy.Dispose();
        _copy = null;

        // Each distinct promotion-ids text is stored once (schema step 5); the new ones are added, then every line gets its id.
        _connection.Execute("""
            INSERT INTO promotion_lists (ids)
            SELECT DISTINCT s.promotion_ids FROM import_lines s
            WHERE s.promotion_ids IS NOT NULL AND NOT EXISTS (SELECT 1 FROM promotion_lists p WHERE p.ids = s.promotion_ids);
            """, _transaction);
        // The file's last row of each key wins; the line keeps the place of the key's first row (its id follows the file).
        _connection.Execute("""
            CREATE TEMPORARY TABLE import_winners ON COMMIT DROP AS
            SELECT DISTINCT ON (s.order_id, s.sku) s.*, p.id AS promotion_list_id,
                   min(s.row_number) OVER (PARTITION BY s.order_id, s.sku) AS first_row
            FROM import_lines s LEFT JOIN promotion_lists p ON p.ids = s.promotion_ids
            ORDER BY s.order_id, s.sku, s.row_number DESC;
            ANALYZE import_winners;
            """, _transaction);

        const string Stored = "import_winners w LEFT JOIN order_lines o ON o.order_id = w.order_id AND o.sku = w.sku AND o.is_sample = @sample";
        using (var counting = _connection.Command($"""
            SELECT count(*) FILTER (WHERE o.id IS NULL),
                   count(*) FILTER (WHERE o.content_hash = w.content_hash),
                   count(*) FILTER (WHERE o.content_hash <> w.content_hash)
            FROM {Stored};
            """, _transaction).With("@sample", _isSample))
        using (var reader = counting.ExecuteReader())
        {
            reader.Read();
            _counts.Inserted = checked((int)reader.GetInt64(0));
            _counts.Unchanged = checked((int)reader.GetInt64(1));
            _counts.Updated = checked((int)reader.GetInt64(2));
        }
        using (var changes = _connection.Command($"""
            SELECT o.status, w.status, count(*) FROM {Stored}
            WHERE o.content_hash <> w.content_hash AND o.status <> w.status GROUP BY o.status, w.status;
            """, _transaction).With("@sample", _isSample))
        using (var reader = changes.ExecuteReader())
        {
            while (reader.Read())
            {
                _counts.StatusChanges[(reader.GetString(0), reader.GetString(1))] = checked((int)reader.GetInt64(2));
            }
        }

        // For undo: each line this batch changes, as it was before (a dry run, batch 0, and sample data skip it).
        if (_batchId > 0 && !_isSample)
        {
            using var save = _connection.Command($"""
                INSERT INTO order_line_versions (changed_by_batch_id, id, {Columns})
                SELECT @batch, o.id, {string.Join(", ", Columns.Split(", ").Select(c => "o." + c))}
                FROM import_winners w JOIN order_lines o ON o.order_id = w.order_id AND o.sku = w.sku AND o.is_sample = @sample
                WHERE o.content_hash <> w.content_hash
                ON CONFLICT DO NOTHING;
                """, _transaction).With("@batch", _batchId).With("@sample", _isSample);
            save.ExecuteNonQuery();
        }

        var values = Columns.Replace("is_sample, batch_id", "@sample, @batch", StringComparison.Ordinal);
        using var upsert = _connection.Command($"""
            INSERT INTO order_lines ({Columns})
            SELECT {values} FROM import_winners ORDER BY first_row
            ON CONFLICT (order_id, sku) DO UPDATE SET
                {string.Join(", ", Columns.Split(", ").Where(c => c is not "order_id" and not "sku").Select(c => $"{c} = excluded.{c}"))}
            WHERE order_lines.content_hash <> excluded.content_hash;
            """, _transaction).With("@sample", _isSample).With("@batch", _batchId);
        upsert.ExecuteNonQuery();
    }

    private string DateText(DateOnly date)
    {
        if (!_dateTexts.TryGetValue(date.DayNumber, out var text))
        {
            text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _dateTexts[date.DayNumber] = text;
        }
        return text;
    }

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void Number(NpgsqlBinaryImporter copy, long? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value.Value, NpgsqlDbType.Bigint);
        }
    }

    public void Dispose() => _copy?.Dispose();
}
