namespace Dashboard.Core.Orders.Rows;

/// <summary>One order line as the rows explorer, the API and the exports show it. <paramref name="Id"/> is the store's row id.</summary>
public sealed record OrderRow(
    long Id,
    string OrderId,
    string Sku,
    DateOnly Date,
    string Status,
    StatusGroup StatusGroup,
    string Category,
    string Size,
    int Qty,
    string? Currency,
    decimal? Amount,
    string? City,
    string? State,
    string Fulfilment,
    string Channel,
    string ServiceLevel,
    bool B2B);
