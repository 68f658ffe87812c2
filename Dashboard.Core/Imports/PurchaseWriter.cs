using Dashboard.Core.Data;
using Dashboard.Core.Purchases;
using Microsoft.Data.Sqlite;

namespace Dashboard.Core.Imports;

/// <summary>
/// Appends purchase transactions. They have no natural key, so a file is never imported twice: the import
/// service refuses a second file with the same content hash.
/// </summary>
internal sealed class PurchaseWriter : IBatchWriter<PurchaseTransaction>
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly TableIndexes? _indexesToBuild;
    private readonly BatchCounts _counts;
    private readonly bool _isSample;
    private readonly long _batchId;
    private readonly BulkStatement _insert;

    public PurchaseWriter(SqliteConnection connection, SqliteTransaction transaction, BatchCounts counts, bool isSample, long batchId)
    {
        _connection = connection;
        _transaction = transaction;
        _counts = counts;
        _isSample = isSample;
        _batchId = batchId;

        if (!isSample)
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM purchases WHERE is_sample = 1;";
            delete.ExecuteNonQuery();
        }
        _indexesToBuild = TableIndexes.DropIfEmpty(connection, transaction, "purchases");

        _insert = new BulkStatement(connection, """
            INSERT INTO purchases (user_id, product_id, gender, age_band, occupation, city_category, stay_years, married,
                product_category_1, product_category_2, product_category_3, purchase, is_to_score, is_sample, batch_id, source_row)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
            """);
    }

    public void Write(PurchaseTransaction purchase, int rowNumber)
    {
        _insert.Bind(1, purchase.UserId);
        _insert.Bind(2, purchase.ProductId);
        _insert.Bind(3, purchase.Gender);
        _insert.Bind(4, purchase.AgeBand);
        _insert.Bind(5, purchase.Occupation);
        _insert.Bind(6, purchase.CityCategory);
        _insert.Bind(7, purchase.StayYears);
        _insert.Bind(8, purchase.Married);
        _insert.Bind(9, purchase.ProductCategory1);
        _insert.Bind(10, purchase.ProductCategory2);
        _insert.Bind(11, purchase.ProductCategory3);
        _insert.Bind(12, purchase.Purchase);
        _insert.Bind(13, purchase.IsToScore);
        _insert.Bind(14, _isSample);
        _insert.Bind(15, _batchId);
        _insert.Bind(16, purchase.SourceRow);
        _insert.Execute();
        _counts.Inserted++;
    }

    public void Complete() => _indexesToBuild?.Rebuild(_connection, _transaction);

    public void Dispose() => _insert.Dispose();
}
