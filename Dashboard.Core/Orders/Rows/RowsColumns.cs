namespace Dashboard.Core.Orders.Rows;

/// <summary>The API names of the order rows' columns (the JSON fields of a row, and the values of <c>sort=</c>).</summary>
public static class RowsColumns
{
    private static readonly string[] Keys =
    [
        "orderId", "sku", "date", "status", "statusGroup", "category", "size", "qty", "currency", "amount", "city", "state",
        "fulfilment", "channel", "serviceLevel", "b2b",
    ];

    /// <summary>Every column, in the API's order.</summary>
    public static IReadOnlyList<RowsColumn> All { get; } = Enum.GetValues<RowsColumn>();

    public static string KeyOf(RowsColumn column) => Keys[(int)column];

    /// <summary>The column named <paramref name="key"/> (ignoring case).</summary>
    public static bool TryParse(string? key, out RowsColumn column)
    {
        var index = Array.FindIndex(Keys, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        column = index < 0 ? default : (RowsColumn)index;
        return index >= 0;
    }

    /// <summary>The column names, for a 400's reason.</summary>
    public static string Names => string.Join(", ", Keys);
}
