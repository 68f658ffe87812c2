namespace Dashboard.Core.Orders;

/// <summary>
/// One line of an Amazon seller order export. The natural key is (<see cref="OrderId"/>, <see cref="Sku"/>).
/// Amounts are kept in minor units (1/100 of <see cref="Currency"/>) so that sums are exact.
/// </summary>
public sealed class OrderLine
{
    public long Id { get; set; }
    public required string OrderId { get; set; }
    public required string Sku { get; set; }
    public DateOnly Date { get; set; }
    public required string Status { get; set; }
    public StatusGroup StatusGroup { get; set; }
    public required string Fulfilment { get; set; }
    public required string SalesChannel { get; set; }
    public required string ServiceLevel { get; set; }
    public required string Style { get; set; }
    public required string Category { get; set; }
    public required string Size { get; set; }
    public required string Asin { get; set; }
    public string? CourierStatus { get; set; }
    public int Qty { get; set; }
    public string? Currency { get; set; }
    public long? AmountMinor { get; set; }
    public string? CityRaw { get; set; }
    public string? City { get; set; }
    public string? StateRaw { get; set; }
    public string? State { get; set; }
    public int? PostalCode { get; set; }
    public string? Country { get; set; }
    /// <summary>
    /// The export's <c>promotion-ids</c> text. Not a column: the text is stored once in <c>promotion_lists</c> and the
    /// line keeps <see cref="PromotionListId"/>; EF queries of <c>OrderLines</c> leave this null unless they join
    /// <see cref="PromotionList"/> (the orders frame's model columns read it that way).
    /// </summary>
    public string? PromotionIds { get; set; }
    /// <summary>The stored <see cref="PromotionList"/> holding <see cref="PromotionIds"/>; null when the line has none.</summary>
    public long? PromotionListId { get; set; }
    public bool B2B { get; set; }
    public string? FulfilledBy { get; set; }
    /// <summary>The export's own <c>index</c> column, when present.</summary>
    public int? SourceIndex { get; set; }
    public bool IsSample { get; set; }
    /// <summary>The batch that last inserted or changed this line.</summary>
    public long BatchId { get; set; }
    /// <summary>A stable hash of the line's content, used to tell unchanged lines on re-import.</summary>
    public long ContentHash { get; set; }

    public decimal? Amount => AmountMinor is { } minor ? minor / 100m : null;
}
