namespace Dashboard.Core.Purchases.Rows;

/// <summary>The API names of the purchase rows' columns (the JSON fields of a row, and the values of <c>sort=</c>).</summary>
public static class PurchaseRowsColumns
{
    private static readonly string[] Keys =
    [
        "userId", "productId", "gender", "ageBand", "occupation", "cityCategory", "stayYears", "married",
        "productCategory1", "productCategory2", "productCategory3", "purchase",
    ];

    private static readonly string[] Stored =
    [
        "user_id", "product_id", "gender", "age_band", "occupation", "city_category", "stay_years", "married",
        "product_category_1", "product_category_2", "product_category_3", "purchase",
    ];

    public static IReadOnlyList<PurchaseRowsColumn> All { get; } = Enum.GetValues<PurchaseRowsColumn>();

    public static string KeyOf(PurchaseRowsColumn column) => Keys[(int)column];

    internal static string StoredOf(PurchaseRowsColumn column) => Stored[(int)column];

    public static bool TryParse(string? key, out PurchaseRowsColumn column)
    {
        var index = Array.FindIndex(Keys, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        column = index < 0 ? default : (PurchaseRowsColumn)index;
        return index >= 0;
    }

    public static string Names => string.Join(", ", Keys);
}
