using Dashboard.Core.Imports;
using Dashboard.Core.Purchases;
using Npgsql;
using NpgsqlTypes;

namespace Dashboard.Core.Data.PostgreSql;

/// <summary>
/// <see cref="Sqlite.SqlitePurchaseWriter"/> on PostgreSQL: purchases have no natural key, so the rows go straight into the table by
/// binary <c>COPY</c>, inside the batch's transaction (in file order: the ids follow it, as the model split expects).
/// </summary>
internal sealed class PostgreSqlPurchaseWriter : IBatchWriter<PurchaseTransaction>
{
    private readonly BatchContext _batch;
    private NpgsqlBinaryImporter? _copy;

    public PostgreSqlPurchaseWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, BatchContext batch)
    {
        _batch = batch;
        if (!batch.IsSample)
        {
            connection.Execute("DELETE FROM purchases WHERE is_sample = TRUE;", transaction);
        }
        _copy = connection.BeginBinaryImport("""
            COPY purchases (user_id, product_id, gender, age_band, occupation, city_category, stay_years, married,
                product_category_1, product_category_2, product_category_3, purchase, is_to_score, is_sample, batch_id, source_row)
            FROM STDIN (FORMAT BINARY);
            """);
    }

    public void Write(PurchaseTransaction purchase, int rowNumber)
    {
        var copy = _copy!;
        copy.StartRow();
        copy.WriteNumber(purchase.UserId);
        copy.WriteText(purchase.ProductId);
        copy.Write(purchase.Gender, NpgsqlDbType.Text);
        copy.Write(purchase.AgeBand, NpgsqlDbType.Text);
        copy.Write((long)purchase.Occupation, NpgsqlDbType.Bigint);
        copy.Write(purchase.CityCategory, NpgsqlDbType.Text);
        copy.Write((long)purchase.StayYears, NpgsqlDbType.Bigint);
        copy.Write(purchase.Married, NpgsqlDbType.Boolean);
        copy.Write((long)purchase.ProductCategory1, NpgsqlDbType.Bigint);
        copy.WriteNumber(purchase.ProductCategory2);
        copy.WriteNumber(purchase.ProductCategory3);
        copy.WriteNumber(purchase.Purchase);
        copy.Write(purchase.IsToScore, NpgsqlDbType.Boolean);
        copy.Write(_batch.IsSample, NpgsqlDbType.Boolean);
        copy.Write(_batch.Id, NpgsqlDbType.Bigint);
        copy.Write((long)purchase.SourceRow, NpgsqlDbType.Bigint);
        _batch.Counts.Inserted++;
    }

    public void Complete()
    {
        _copy!.Complete();
        _copy.Dispose();
        _copy = null;
    }

    public void Dispose() => _copy?.Dispose();
}
