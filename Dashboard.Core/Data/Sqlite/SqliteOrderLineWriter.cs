using Dashboard.Core.Imports;
using Dashboard.Core.Orders;
using Microsoft.Data.Sqlite;
using static Dashboard.Core.Imports.OrderLineColumns;

namespace Dashboard.Core.Data.Sqlite;

/// <summary>
/// Upserts order lines on their natural key (Order ID, SKU): a new key is inserted, a known key whose content
/// changed is updated, an identical one is left alone. Within one file the last occurrence of a key wins and
/// every repeat is reported.
/// </summary>
internal sealed class SqliteOrderLineWriter : IBatchWriter<OrderLine>
{
    private static readonly string[] StatusGroupNames = Enum.GetNames<StatusGroup>();

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly TableIndexes? _indexesToBuild;
    private readonly BatchContext _batch;
    private readonly Dictionary<(string OrderId, string Sku), Known> _known = [];
    private readonly BulkStatement _insert;
    private readonly BulkStatement _update;
    private readonly BulkStatement? _savePrevious;
    /// <summary>Finds a stored line by its key; null when the table was empty at the start (every line is then this batch's).</summary>
    private readonly BulkStatement? _lookUp;
    private readonly Dictionary<string, long> _promotionLists = new(StringComparer.Ordinal);
    /// <summary>The parser hands the same string instance for a repeated text: most look-ups need no hashing of the text.</summary>
    private readonly Dictionary<string, long> _promotionListInstances = new(ReferenceEqualityComparer.Instance);
    private readonly BulkStatement _insertPromotionList;
    private readonly DateTexts _dates = new();

    public SqliteOrderLineWriter(SqliteConnection connection, SqliteTransaction transaction, BatchContext batch)
    {
        _connection = connection;
        _transaction = transaction;
        _batch = batch;

        if (!batch.IsSample)
        {
            Execute(connection, transaction, $"DELETE FROM order_lines WHERE {SampleLines};");
        }
        LoadPromotionLists(connection, transaction);
        _indexesToBuild = TableIndexes.DropIfEmpty(connection, transaction, "order_lines", SqliteStore.IndexDefinitions,
            LargeStoreUpkeep.Indexes.Select(i => i.Name));
        // Only the keys this file names are looked up, through the unique (order_id, sku) index: loading every stored line
        // made a one-row import over 6.6 M stored lines take 22 s (decision 0015).
        if (_indexesToBuild is null)
        {
            _lookUp = new BulkStatement(connection,
                "SELECT id, content_hash, status FROM order_lines WHERE order_id = ? AND sku = ? AND is_sample = ?;");
            _lookUp.Bind(3, batch.IsSample);
        }

        _insertPromotionList = new BulkStatement(connection, "INSERT INTO promotion_lists (ids) VALUES (?);");
        _insert = new BulkStatement(connection,
            $"INSERT INTO order_lines ({Columns}) VALUES ({string.Join(", ", ColumnNames.Select(_ => "?"))});");
        _update = new BulkStatement(connection,
            $"UPDATE order_lines SET {string.Join(", ", ColumnNames.Select(c => $"{c} = ?"))} WHERE id = ?;");
        // For undo: the line as it was before this batch, copied once, in the batch's own transaction. A dry run
        // (batch 0) and sample data (never undone) skip it.
        if (batch.Id > 0 && !batch.IsSample)
        {
            _savePrevious = new BulkStatement(connection,
                $"INSERT OR IGNORE INTO order_line_versions (changed_by_batch_id, id, {Columns}) SELECT ?, id, {Columns} FROM order_lines WHERE id = ?;");
        }
    }

    public void Write(OrderLine line, int rowNumber)
    {
        line.IsSample = _batch.IsSample;
        line.BatchId = _batch.Id;
        _batch.Counts.See(line);

        var key = (line.OrderId, line.Sku);
        if (!_known.TryGetValue(key, out var known) && (known = LookUp(line.OrderId, line.Sku)) is not null)
        {
            _known[key] = known;
        }
        if (known is null)
        {
            Bind(_insert, line);
            var id = _insert.Execute();
            _known[key] = new Known(id, line.ContentHash, line.Status) { RowInThisFile = rowNumber, Outcome = Outcome.Inserted };
            _batch.Counts.Inserted++;
            return;
        }

        if (known.RowInThisFile > 0)
        {
            // A repeat inside this file: the later row wins, and the key is still counted once.
            _batch.Counts.Duplicates++;
            _batch.Counts.AddIssue(new ImportIssueSummary(IssueKind.Duplicate, rowNumber, "Order ID, SKU", $"{line.OrderId}, {line.Sku}",
                $"repeats row {known.RowInThisFile}; the later row is kept"));
        }
        known.RowInThisFile = rowNumber;
        if (known.CurrentHash != line.ContentHash)
        {
            if (_savePrevious is not null && known.Outcome != Outcome.Inserted && !known.PreviousSaved)
            {
                _savePrevious.Bind(1, _batch.Id);
                _savePrevious.Bind(2, known.Id);
                _savePrevious.Execute();
                known.PreviousSaved = true;
            }
            Bind(_update, line);
            _update.Bind(ColumnNames.Length + 1, known.Id);
            _update.Execute();
            known.CurrentHash = line.ContentHash;
            known.CurrentStatus = line.Status;
        }
        if (known.Outcome != Outcome.Inserted)
        {
            Classify(known);
        }
    }

    public void Complete() => _indexesToBuild?.Rebuild(_connection, _transaction);

    /// <summary>
    /// Counts a stored line as updated or unchanged by comparing what the file says last with what was stored
    /// before this batch, so that a repeat within the file cannot make an unchanged line look changed.
    /// </summary>
    private void Classify(Known known)
    {
        switch (known.Outcome)
        {
            case Outcome.Updated:
                _batch.Counts.Updated--;
                CountStatusChange(known.StoredStatus, known.CountedStatus, -1);
                break;
            case Outcome.Unchanged:
                _batch.Counts.Unchanged--;
                break;
        }
        if (known.CurrentHash == known.StoredHash)
        {
            known.Outcome = Outcome.Unchanged;
            _batch.Counts.Unchanged++;
            return;
        }
        known.Outcome = Outcome.Updated;
        known.CountedStatus = known.CurrentStatus;
        _batch.Counts.Updated++;
        CountStatusChange(known.StoredStatus, known.CurrentStatus, +1);
    }

    private void CountStatusChange(string from, string to, int delta)
    {
        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            return;
        }
        var change = (from, to);
        var lines = _batch.Counts.StatusChanges.GetValueOrDefault(change) + delta;
        if (lines == 0)
        {
            _batch.Counts.StatusChanges.Remove(change);
        }
        else
        {
            _batch.Counts.StatusChanges[change] = lines;
        }
    }

    /// <summary>The id of the stored promotion list with this text, stored now (in the batch's transaction) if new.</summary>
    private long? PromotionListId(string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (_promotionListInstances.TryGetValue(text, out var id))
        {
            return id;
        }
        if (!_promotionLists.TryGetValue(text, out id))
        {
            _insertPromotionList.Bind(1, text);
            id = _insertPromotionList.Execute();
            _promotionLists[text] = id;
        }
        if (_promotionListInstances.Count < 100_000)
        {
            _promotionListInstances[text] = id;
        }
        return id;
    }

    private void Bind(BulkStatement statement, OrderLine line)
    {
        line.PromotionListId = PromotionListId(line.PromotionIds);
        statement.Bind(1, line.OrderId);
        statement.Bind(2, _dates.Of(line.Date));
        statement.Bind(3, line.Sku);
        statement.Bind(4, line.Status);
        statement.Bind(5, StatusGroupNames[(int)line.StatusGroup]);
        statement.Bind(6, line.Fulfilment);
        statement.Bind(7, line.SalesChannel);
        statement.Bind(8, line.ServiceLevel);
        statement.Bind(9, line.Style);
        statement.Bind(10, line.Category);
        statement.Bind(11, line.Size);
        statement.Bind(12, line.Asin);
        statement.Bind(13, line.CourierStatus);
        statement.Bind(14, line.Qty);
        statement.Bind(15, line.Currency);
        statement.Bind(16, line.AmountMinor);
        statement.Bind(17, line.CityRaw);
        statement.Bind(18, line.City);
        statement.Bind(19, line.StateRaw);
        statement.Bind(20, line.State);
        statement.Bind(21, line.PostalCode);
        statement.Bind(22, line.Country);
        statement.Bind(23, line.PromotionListId);
        statement.Bind(24, line.B2B);
        statement.Bind(25, line.FulfilledBy);
        statement.Bind(26, line.SourceIndex);
        statement.Bind(27, line.IsSample);
        statement.Bind(28, line.BatchId);
        statement.Bind(29, line.ContentHash);
    }

    /// <summary>The stored line with this key as it was before this batch, or null (the batch's own lines are in <see cref="_known"/>).</summary>
    private Known? LookUp(string orderId, string sku)
    {
        if (_lookUp is null)
        {
            return null;
        }
        _lookUp.Bind(1, orderId);
        _lookUp.Bind(2, sku);
        if (!_lookUp.Query())
        {
            return null;
        }
        var known = new Known(_lookUp.Int64(0), _lookUp.Int64(1), _lookUp.Text(2));
        _lookUp.Reset();
        return known;
    }

    private void LoadPromotionLists(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, ids FROM promotion_lists;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _promotionLists[reader.GetString(1)] = reader.GetInt64(0);
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _update.Dispose();
        _savePrevious?.Dispose();
        _lookUp?.Dispose();
        _insertPromotionList.Dispose();
    }

    private enum Outcome { None, Inserted, Updated, Unchanged }

    /// <summary>A key the batch knows: as stored before the batch, and as the batch has left it so far.</summary>
    private sealed class Known(long id, long storedHash, string storedStatus)
    {
        public long Id { get; } = id;
        public long StoredHash { get; } = storedHash;
        public string StoredStatus { get; } = storedStatus;
        public long CurrentHash { get; set; } = storedHash;
        public string CurrentStatus { get; set; } = storedStatus;
        /// <summary>The status the Updated count was made with, to take it back when a repeat changes it.</summary>
        public string CountedStatus { get; set; } = storedStatus;
        public Outcome Outcome { get; set; }
        /// <summary>The row of the current file that last wrote this key; 0 when the file has not named it yet.</summary>
        public int RowInThisFile { get; set; }
        /// <summary>Whether the line as stored before this batch has been copied to order_line_versions.</summary>
        public bool PreviousSaved { get; set; }
    }
}
