using System.Data.Common;
using System.Globalization;
using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Data;
using Dashboard.Core.Telemetry;
using Dashboard.Core.Analytics.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Purchases.Rows;

/// <summary>
/// The rows behind the purchases screen's numbers: a page of the labelled transactions a filter (and a search) selects,
/// in any column's sort, with the totals of all of them (the screen's count and total), read in one snapshot of the store.
/// </summary>
public sealed class PurchaseRowsQuery(IDbContextFactory<DashboardDbContext> contexts, IOptions<DownloadOptions> options)
{
    internal const string Columns = """
        id, user_id, product_id, gender, age_band, occupation, city_category, stay_years, married, product_category_1,
        product_category_2, product_category_3, purchase
        """;

    public async Task<PurchaseRowsPage> PageAsync(PurchaseRowsRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Problems().FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await DashboardTelemetry.QueryAsync("purchase-rows", () => FrameStore.ReadAsync(db, async (connection, transaction, _) =>
        {
            var where = new PurchaseRowsWhere(request.Filter, request.Prefix);
            var (transactions, customers, total) = await TotalsAsync(connection, transaction, where, cancellationToken);
            var rows = new List<PurchaseRow>(request.Limit);
            await using var command = connection.Command(string.Create(CultureInfo.InvariantCulture,
                $"SELECT {Columns} FROM purchases WHERE {where.Sql} ORDER BY {OrderBy(request.Sort, request.Descending)} LIMIT {request.Limit} OFFSET {request.Offset};"),
                transaction);
            where.Bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(Read(reader));
            }
            return new PurchaseRowsPage(transactions, customers, total, rows);
        }, cancellationToken));
    }

    /// <summary>
    /// Every transaction the request selects (whatever its offset and limit), in its sort, to <paramref name="writer"/> (not
    /// completed here) a batch at a time as one statement reads them in one snapshot.
    /// </summary>
    public async Task WriteAsync(PurchaseRowsRequest request, ITableWriter writer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await FrameStore.ReadAsync(db, async (connection, transaction, _) =>
        {
            var where = new PurchaseRowsWhere(request.Filter, request.Prefix);
            await using var command = connection.Command(
                $"SELECT {Columns} FROM purchases WHERE {where.Sql} ORDER BY {OrderBy(request.Sort, request.Descending)};", transaction);
            where.Bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var batch = new PurchaseRowsBatch(options.Value.BatchRows);
            var written = false;
            while (await reader.ReadAsync(cancellationToken))
            {
                batch.Add(Read(reader));
                if (batch.Full)
                {
                    await writer.WriteAsync(batch.Table, cancellationToken);
                    batch.Clear();
                    written = true;
                }
            }
            if (batch.Count > 0 || !written)
            {
                await writer.WriteAsync(batch.Table, cancellationToken); // no rows: the columns still
            }
            return true;
        }, cancellationToken);
    }

    /// <summary>Missing values last in either direction, ties by the store id.</summary>
    internal static string OrderBy(PurchaseRowsColumn sort, bool descending)
    {
        var column = PurchaseRowsColumns.StoredOf(sort);
        return $"({column} IS NULL), {column}{(descending ? " DESC" : "")}, id";
    }

    internal static PurchaseRow Read(DbDataReader r) => new(
        r.GetInt64(0),
        r.IsDBNull(1) ? null : checked((int)r.GetInt64(1)),
        r.IsDBNull(2) ? null : r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        checked((int)r.GetInt64(5)),
        r.GetString(6),
        checked((int)r.GetInt64(7)),
        r.GetBoolean(8),
        checked((int)r.GetInt64(9)),
        r.IsDBNull(10) ? null : checked((int)r.GetInt64(10)),
        r.IsDBNull(11) ? null : checked((int)r.GetInt64(11)),
        checked((int)r.GetInt64(12)));

    private static async Task<(int, int, long)> TotalsAsync(DbConnection connection, DbTransaction transaction, PurchaseRowsWhere where,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            $"SELECT COUNT(*), COUNT(DISTINCT user_id), COALESCE(SUM(purchase), 0) FROM purchases WHERE {where.Sql};", transaction);
        where.Bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (checked((int)reader.GetInt64(0)), checked((int)reader.GetInt64(1)),
            Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture));
    }
}
