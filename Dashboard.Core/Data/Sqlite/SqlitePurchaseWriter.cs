using Dashboard.Core.Imports;
using Dashboard.Core.Purchases;
using Microsoft.Data.Sqlite;

namespace Dashboard.Core.Data.Sqlite;

/// <summary>
/// Appends purchase transactions. They have no natural key, so a file is never imported twice: the import
/// service refuses a second file with the same content hash.
/// </summary>
internal sealed class SqlitePurchaseWriter : IBatchWriter<PurchaseTransaction>
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly TableIndexes? _indexesToBuild;
    private readonly BatchContext _batch;
    private readonly BulkStatement _insertOne;
    private readonly BulkStatement _insertMany;
    private readonly PurchaseTransaction[] _pending = new PurchaseTransaction[RowsPerStatement];
    private int _pendingCount;

    public SqlitePurchaseWriter(SqliteConnection connection, SqliteTransaction transaction, BatchContext batch)
    {
        _connection = connection;
        _transaction = transaction;
        _batch = batch;

        if (!batch.IsSample)
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM purchases WHERE is_sample = TRUE;";
            delete.ExecuteNonQuery();
        }
        _indexesToBuild = TableIndexes.DropIfEmpty(connection, transaction, "purchases", SqliteStore.IndexDefinitions);

        _insertOne = new BulkStatement(connection, Insert(1));
        _insertMany = new BulkStatement(connection, Insert(RowsPerStatement));
    }

    /// <summary>
    /// Rows go in <see cref="RowsPerStatement"/> to a statement: one INSERT with many VALUES rows spreads the statement's
    /// own cost (start, AUTOINCREMENT bookkeeping, reset) over them. SQLite inserts the VALUES rows in order, so ids
    /// still follow the file's order (the model split relies on it).
    /// </summary>
    private const int RowsPerStatement = 64;
    private const int Columns = 16;

    private static string Insert(int rows) => $"""
        INSERT INTO purchases (user_id, product_id, gender, age_band, occupation, city_category, stay_years, married,
            product_category_1, product_category_2, product_category_3, purchase, is_to_score, is_sample, batch_id, source_row)
        VALUES {string.Join(", ", Enumerable.Repeat($"({string.Join(", ", Enumerable.Repeat("?", Columns))})", rows))};
        """;

    public void Write(PurchaseTransaction purchase, int rowNumber)
    {
        _pending[_pendingCount++] = purchase;
        _batch.Counts.Inserted++;
        if (_pendingCount == RowsPerStatement)
        {
            for (var i = 0; i < _pendingCount; i++)
            {
                Bind(_insertMany, i * Columns, _pending[i]);
            }
            _insertMany.Execute();
            _pendingCount = 0;
        }
    }

    private void Bind(BulkStatement insert, int offset, PurchaseTransaction purchase)
    {
        insert.Bind(offset + 1, purchase.UserId);
        insert.Bind(offset + 2, purchase.ProductId);
        insert.Bind(offset + 3, purchase.Gender);
        insert.Bind(offset + 4, purchase.AgeBand);
        insert.Bind(offset + 5, purchase.Occupation);
        insert.Bind(offset + 6, purchase.CityCategory);
        insert.Bind(offset + 7, purchase.StayYears);
        insert.Bind(offset + 8, purchase.Married);
        insert.Bind(offset + 9, purchase.ProductCategory1);
        insert.Bind(offset + 10, purchase.ProductCategory2);
        insert.Bind(offset + 11, purchase.ProductCategory3);
        insert.Bind(offset + 12, purchase.Purchase);
        insert.Bind(offset + 13, purchase.IsToScore);
        insert.Bind(offset + 14, _batch.IsSample);
        insert.Bind(offset + 15, _batch.Id);
        insert.Bind(offset + 16, purchase.SourceRow);
    }

    public void Complete()
    {
        for (var i = 0; i < _pendingCount; i++)
        {
            Bind(_insertOne, 0, _pending[i]);
            _insertOne.Execute();
        }
        _pendingCount = 0;
        _indexesToBuild?.Rebuild(_connection, _transaction);
    }

    public void Dispose()
    {
        _insertOne.Dispose();
        _insertMany.Dispose();
    }
}
