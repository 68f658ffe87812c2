using Dashboard.Core.Orders.Rows;

namespace Dashboard.Tests.Integration.Rows;

/// <summary>The rows' order as the explorer promises it, written plainly: a missing value last, text by code point, ties by id.</summary>
internal static class RowOrder
{
    public static int Compare(OrderRow a, OrderRow b, RowsColumn column, bool descending)
    {
        var (x, y) = (Value(a, column), Value(b, column));
        int byValue;
        if (x is null || y is null)
        {
            byValue = x is null && y is null ? 0 : x is null ? 1 : -1;
        }
        else
        {
            byValue = x is string s ? string.CompareOrdinal(s, (string)y) : ((IComparable)x).CompareTo(y);
            byValue = descending ? -byValue : byValue;
        }
        return byValue != 0 ? byValue : a.Id.CompareTo(b.Id);
    }

    private static object? Value(OrderRow r, RowsColumn column) => column switch
    {
        RowsColumn.OrderId => r.OrderId,
        RowsColumn.Sku => r.Sku,
        RowsColumn.Date => r.Date,
        RowsColumn.Status => r.Status,
        RowsColumn.StatusGroup => r.StatusGroup.ToString(),
        RowsColumn.Category => r.Category,
        RowsColumn.Size => r.Size,
        RowsColumn.Qty => r.Qty,
        RowsColumn.Currency => r.Currency,
        RowsColumn.Amount => r.Amount,
        RowsColumn.City => r.City,
        RowsColumn.State => r.State,
        RowsColumn.Fulfilment => r.Fulfilment,
        RowsColumn.Channel => r.Channel,
        RowsColumn.ServiceLevel => r.ServiceLevel,
        RowsColumn.B2B => r.B2B,
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };
}
