namespace Dashboard.Core.Orders.Rows;

/// <summary>A column of the rows explorer and of <c>/api/orders/rows</c>; <see cref="RowsColumns.KeyOf"/> gives its API name.</summary>
public enum RowsColumn
{
    OrderId,
    Sku,
    Date,
    Status,
    StatusGroup,
    Category,
    Size,
    Qty,
    Currency,
    Amount,
    City,
    State,
    Fulfilment,
    Channel,
    ServiceLevel,
    B2B,
}
