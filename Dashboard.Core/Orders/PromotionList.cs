namespace Dashboard.Core.Orders;

/// <summary>
/// One distinct <c>promotion-ids</c> text of the Amazon export, stored once: order lines refer to it by
/// <see cref="OrderLine.PromotionListId"/> (the text repeats across lines and was half the size of the lines table).
/// </summary>
public sealed class PromotionList
{
    public long Id { get; set; }
    public required string Ids { get; set; }
}
