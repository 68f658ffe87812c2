using System.Data.Common;
using System.Globalization;
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
            return ((IReadOnlyList<OrderRow>)await KeysetAsync(connection, transaction, where, request, cancellationToken), measures);
        }, cancellationToken);

    /// <summary>
    /// The page in two parts that an index in the sort's order answers without reading what it skips (keyset paging,
    /// docs/decisions/0035-keyset-rows.md): the lines with a value, in (value, id) order, after the cursor; then,
    /// when the page is not full, the lines without one, in id order. An offset is skipped after the cursor (a page jump:
    /// read and dropped, the slower way).
    /// </summary>
    private static async Task<List<OrderRow>> KeysetAsync(DbConnection connection, DbTransaction transaction, RowsWhere where,
        RowsRequest request, CancellationToken cancellationToken)
    {
        var column = RowsSql.ColumnOf(request.Sort);
        var nullable = RowsSql.MayBeMissing(request.Sort);
        var after = request.After;
        var rows = new List<OrderRow>(request.Limit);
        var offset = request.Offset;
        if (after is not { Value: null })
        {
            var (before, direction) = request.Descending ? ("<", " DESC") : (">", "");
            var valued = (nullable ? $" AND {column} IS NOT NULL" : "")
                + (after is null ? "" : $" AND {column} {before}= @after AND ({column} {before} @after OR id > @afterId)");
            await ReadAsync(connection, transaction, where, after, $"{where.Sql}{valued}", $"{column}{direction}, id", request.Limit, offset, rows, cancellationToken);
            if (!nullable || rows.Count == request.Limit)
            {
                return rows;
            }
            offset = rows.Count > 0 || offset == 0 ? 0
                : (int)Math.Max(0, offset - await CountAsync(connection, transaction, where, after, $"{where.Sql}{valued}", cancellationToken));
        }
        var missing = $"{where.Sql} AND {column} IS NULL" + (after is { Value: null } ? " AND id > @afterId" : "");
        await ReadAsync(connection, transaction, where, after, missing, "id", request.Limit - rows.Count, offset, rows, cancellationToken);
        return rows;
    }

    private static async Task ReadAsync(DbConnection connection, DbTransaction transaction, RowsWhere where, RowsCursor? after,
        string condition, string orderBy, int limit, int offset, List<OrderRow> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(string.Create(CultureInfo.InvariantCulture,
            $"SELECT {RowsSql.Columns} FROM order_lines WHERE {condition} ORDER BY {orderBy} LIMIT {limit} OFFSET {offset};"), transaction);
        Bind(command, where, after);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(RowsSql.Read(reader));
        }
    }

    private static async Task<long> CountAsync(DbConnection connection, DbTransaction transaction, RowsWhere where, RowsCursor? after,
        string condition, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT COUNT(*) FROM order_lines WHERE {condition};", transaction);
        Bind(command, where, after);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static void Bind(DbCommand command, RowsWhere where, RowsCursor? after)
    {
        where.Bind(command);
        if (after is not null)
        {
            command.With("@afterId", after.Id);
            if (after.Value is not null)
            {
                command.With("@after", after.StoredValue);
            }
        }
    }

    /// <summary>The rows of <paramref name="ids"/>, in their order; null when the store moved on from <paramref name="s"/>.</summary>
    public static Task<IReadOnlyList<OrderRow>?> ByIdsAsync(DashboardDbContext db, IOrdersData s, int[] ids, CancellationToken cancellationToken) =>
        FrameStore.ReadAsync<IReadOnlyList<OrderRow>?>(db, async (connection, transaction, stored) =>
        {
            if (stored != s.StoredVersion)
            {
                return null;
            }
            // A page's few ids in one statement of as many parameters (at most RowsRequest.MaxLimit).
            var rows = new OrderRow[ids.Length];
            var at = new Dictionary<long, int>(ids.Length);
            await using var command = connection.Command(string.Create(CultureInfo.InvariantCulture,
                $"SELECT {RowsSql.Columns} FROM order_lines WHERE id IN ({string.Join(", ", ids.Select((_, i) => $"@i{i}"))});"), transaction);
            for (var i = 0; i < ids.Length; i++)
            {
                command.With(string.Create(CultureInfo.InvariantCulture, $"@i{i}"), (long)ids[i]);
                at[ids[i]] = i;
            }
            if (ids.Length > 0)
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = RowsSql.Read(reader);
                    rows[at[row.Id]] = row;
                }
            }
            return rows.Any(r => r is null) ? throw new InvalidOperationException("order_lines changed inside a read transaction.") : rows;
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
