using System.Data.Common;
using System.Globalization;
using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Data;

namespace Dashboard.Core.Orders.Rows;

/// <summary>
/// Rows read from the store's order lines in one read transaction at the data's change count: a page in a sort, and
/// the totals of a search (which no frame or rollup can answer: they keep no Order ID, SKU or city).
/// </summary>
internal static class StoreRows
{
    /// <summary>The page's rows, and with <paramref name="totals"/> the measures of every matching line; null when the store moved on from <paramref name="s"/>.</summary>
    public static Task<(IReadOnlyList<OrderRow> Rows, OrderMeasures? Totals)?> PageAsync(DashboardDbContext db, IOrdersData s,
        CompiledFilter f, DateRange range, RowsRequest request, bool totals, CancellationToken cancellationToken) =>
        FrameStore.ReadAsync<(IReadOnlyList<OrderRow>, OrderMeasures?)?>(db, async (connection, transaction, stored) =>
        {
            if (stored != s.StoredVersion)
            {
                return null;
            }
            var where = new RowsWhere(db.Kind, s, f, range, request.Prefix);
            var measures = totals ? await TotalsAsync(connection, transaction, where, cancellationToken) : null;
            var rows = new List<OrderRow>(request.Limit);
            await using var command = connection.Command(string.Create(CultureInfo.InvariantCulture,
                $"SELECT {RowsSql.Columns} FROM order_lines WHERE {where.Sql} ORDER BY {RowsSql.OrderBy(request.Sort, request.Descending)} LIMIT {request.Limit} OFFSET {request.Offset};"),
                transaction);
            where.Bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(RowsSql.Read(reader));
            }
            return (rows, measures);
        }, cancellationToken);

    /// <summary>The rows of <paramref name="ids"/>, in their order; null when the store moved on from <paramref name="s"/>.</summary>
    public static Task<IReadOnlyList<OrderRow>?> ByIdsAsync(DashboardDbContext db, IOrdersData s, int[] ids, CancellationToken cancellationToken) =>
        FrameStore.ReadAsync<IReadOnlyList<OrderRow>?>(db, async (connection, transaction, stored) =>
        {
            if (stored != s.StoredVersion)
            {
                return null;
            }
            var rows = new OrderRow[ids.Length];
            await using var text = new StoreText(connection, transaction, $"SELECT {RowsSql.Columns} FROM order_lines WHERE");
            await text.ReadAsync(ids, (reader, at) => rows[at] = RowsSql.Read(reader), cancellationToken);
            return rows;
        }, cancellationToken);

    /// <summary>The overview's measures (<see cref="OrderMeasures"/>) of the lines <paramref name="where"/> selects.</summary>
    private static async Task<OrderMeasures> TotalsAsync(DbConnection connection, DbTransaction transaction, RowsWhere where,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"""
            SELECT COUNT(*), COUNT(DISTINCT order_id), COALESCE(SUM(qty), 0),
                   COALESCE(SUM(CASE WHEN status_group <> @cancelled AND currency = @currency THEN amount_minor ELSE 0 END), 0)
            FROM order_lines WHERE {where.Sql};
            """, transaction);
        where.Bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OrderMeasures(
            checked((int)Long(reader, 0)), 0, checked((int)Long(reader, 1)), 0, Long(reader, 2), Long(reader, 3));
    }

    /// <summary>A count or a sum (PostgreSQL's SUM of bigint is numeric) as a long.</summary>
    private static long Long(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? 0 : Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture);
}
