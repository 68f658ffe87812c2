using System.Data.Common;
using System.Globalization;

namespace Dashboard.Core.Orders.Rows;

/// <summary>How the store's order lines are read as rows: the columns, a row from a reader, and the order of a sort.</summary>
internal static class RowsSql
{
    /// <summary>The columns <see cref="Read"/> reads, in its order.</summary>
    public const string Columns = """
        id, order_id, sku, order_date, status, status_group, category, size, qty, currency, amount_minor, city, state,
        fulfilment, sales_channel, service_level, b2b
        """;

    /// <summary>The stored column of a rows column.</summary>
    public static string ColumnOf(RowsColumn column) => column switch
    {
        RowsColumn.OrderId => "order_id",
        RowsColumn.Sku => "sku",
        RowsColumn.Date => "order_date",
        RowsColumn.Status => "status",
        RowsColumn.StatusGroup => "status_group",
        RowsColumn.Category => "category",
        RowsColumn.Size => "size",
        RowsColumn.Qty => "qty",
        RowsColumn.Currency => "currency",
        RowsColumn.Amount => "amount_minor",
        RowsColumn.City => "city",
        RowsColumn.State => "state",
        RowsColumn.Fulfilment => "fulfilment",
        RowsColumn.Channel => "sales_channel",
        RowsColumn.ServiceLevel => "service_level",
        RowsColumn.B2B => "b2b",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>Whether a line may have no value in the column (the store's nullable columns).</summary>
    public static bool MayBeMissing(RowsColumn column) =>
        column is RowsColumn.Currency or RowsColumn.Amount or RowsColumn.City or RowsColumn.State;

    /// <summary>
    /// The ORDER BY of a sort: lines without the value last in either direction, ties by the store id (unique), so that
    /// consecutive pages neither repeat nor skip a line. Text sorts by code point on both stores (PostgreSQL's text
    /// columns are <c>COLLATE "C"</c>).
    /// </summary>
    public static string OrderBy(RowsColumn sort, bool descending)
    {
        var column = ColumnOf(sort);
        return string.Create(CultureInfo.InvariantCulture, $"({column} IS NULL), {column}{(descending ? " DESC" : "")}, id");
    }

    public static OrderRow Read(DbDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        OrdersFrame.ParseDate(r.GetString(3)),
        r.GetString(4),
        Enum.Parse<StatusGroup>(r.GetString(5)),
        r.GetString(6),
        r.GetString(7),
        checked((int)r.GetInt64(8)),
        r.IsDBNull(9) ? null : r.GetString(9),
        r.IsDBNull(10) ? null : r.GetInt64(10) / 100m,
        r.IsDBNull(11) ? null : r.GetString(11),
        r.IsDBNull(12) ? null : r.GetString(12),
        r.GetString(13),
        r.GetString(14),
        r.GetString(15),
        r.GetBoolean(16));
}
