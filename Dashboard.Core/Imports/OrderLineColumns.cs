namespace Dashboard.Core.Imports;

/// <summary>How both stores' order-line writers and undo name a stored line's columns and the sample's lines.</summary>
internal static class OrderLineColumns
{
    /// <summary>The stored columns of a line, in the order the writers bind them (also undo's).</summary>
    internal const string Columns =
        "order_id, order_date, sku, status, status_group, fulfilment, sales_channel, service_level, style, category, size, asin, " +
        "courier_status, qty, currency, amount_minor, city_raw, city, state_raw, state, postal_code, country, promotion_list_id, b2b, " +
        "fulfilled_by, source_index, is_sample, batch_id, content_hash";

    internal static readonly string[] ColumnNames = Columns.Split(", ");

    /// <summary>
    /// The sample's lines, which the first real import replaces: found through the sample batches' ids (the batch index),
    /// not by reading every line's flag (4.6 s at 20 M lines, at every import).
    /// </summary>
    internal const string SampleLines = "is_sample = TRUE AND batch_id IN (SELECT id FROM import_batches WHERE is_sample = TRUE)";
}
