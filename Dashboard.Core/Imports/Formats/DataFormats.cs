namespace Dashboard.Core.Imports.Formats;

/// <summary>The two export formats Dashboard reads, recognised by their header.</summary>
public static class DataFormats
{
    public static readonly IReadOnlyList<string> AmazonRequired =
    [
        "Order ID", "Date", "Status", "Fulfilment", "Sales Channel", "ship-service-level", "SKU", "Category", "Size",
        "Qty", "currency", "Amount", "ship-city", "ship-state", "B2B",
    ];

    public static readonly IReadOnlyList<string> AmazonOptional =
    [
        "index", "Style", "ASIN", "Courier Status", "ship-postal-code", "ship-country", "promotion-ids", "fulfilled-by",
    ];

    public static readonly IReadOnlyList<string> PurchaseRequired =
    [
        "Gender", "Age", "Occupation", "City_Category", "Stay_In_Current_City_Years", "Marital_Status",
        "Product_Category_1", "Product_Category_2", "Product_Category_3",
    ];

    public static readonly IReadOnlyList<string> PurchaseOptional = ["User_ID", "Product_ID", "Purchase"];

    /// <summary>
    /// Recognises the format from the header, or rejects the file saying which columns were expected and which found.
    /// A header that is clearly one format but misses some of its columns is named as that format.
    /// </summary>
    public static DataFormat Recognise(CsvHeader header)
    {
        var amazonFound = AmazonRequired.Count(header.Has);
        var purchaseFound = PurchaseRequired.Count(header.Has);
        if (amazonFound == AmazonRequired.Count)
        {
            return DataFormat.AmazonOrders;
        }
        if (purchaseFound == PurchaseRequired.Count)
        {
            return header.Has("Purchase") ? DataFormat.Purchases : DataFormat.PurchasesToScore;
        }

        var found = string.Join(", ", header.Names.Select(n => $"'{n.Trim()}'"));
        if (header.Count == 1 && (header.Names[0].Contains(';') || header.Names[0].Contains('\t')))
        {
            var separator = header.Names[0].Contains(';') ? "semicolons" : "tabs";
            throw new ImportRejectedException(
                $"The columns are separated by {separator}; Dashboard reads comma-separated CSV. Export again as 'CSV (comma delimited)'. Found header: {found}.");
        }
        if (amazonFound >= purchaseFound && amazonFound >= 3)
        {
            throw new ImportRejectedException(
                $"This looks like an Amazon order export, but it lacks the column(s) {Missing(header, AmazonRequired)}. Found: {found}.");
        }
        if (purchaseFound >= 3)
        {
            throw new ImportRejectedException(
                $"This looks like a customer purchase file, but it lacks the column(s) {Missing(header, PurchaseRequired)}. Found: {found}.");
        }
        throw new ImportRejectedException(
            "The header matches neither format Dashboard reads. An Amazon order export needs the columns " +
            $"{string.Join(", ", AmazonRequired.Select(c => $"'{c}'"))}; a customer purchase file needs " +
            $"{string.Join(", ", PurchaseRequired.Select(c => $"'{c}'"))} (with 'Purchase' for training data). Found: {found}.");
    }

    private static string Missing(CsvHeader header, IEnumerable<string> required) =>
        string.Join(", ", required.Where(c => !header.Has(c)).Select(c => $"'{c}'"));
}
