using Dashboard.Core.Orders;

namespace Dashboard.Core.Models.Features;

/// <summary>
/// What is known about an order line when it is placed: the only things the cancellation model may read.
/// <see cref="OrderLine.CourierStatus"/> and <see cref="OrderLine.Qty"/> are deliberately absent (they are written
/// after the outcome); <see cref="PromotionIds"/> is read only when the leakage demonstration switches it on.
/// </summary>
public sealed record CancellationInput : CancellationFields
{
    public CancellationInput()
    {
    }

    /// <summary>A checked question: its descriptive <paramref name="fields"/> as they are, with the inputs a question must give.</summary>
    public CancellationInput(CancellationFields fields, bool b2b, DayOfWeek weekday)
        : base(fields)
    {
        B2B = b2b;
        Weekday = weekday;
    }

    public bool B2B { get; init; }
    public DayOfWeek Weekday { get; init; }
    public string? PromotionIds { get; init; }

    public static CancellationInput From(OrderLine line) => new()
    {
        City = line.City,
        State = line.State,
        Amount = line.Amount,
        Category = line.Category,
        Size = line.Size,
        Fulfilment = line.Fulfilment,
        SalesChannel = line.SalesChannel,
        ServiceLevel = line.ServiceLevel,
        B2B = line.B2B,
        Weekday = line.Date.DayOfWeek,
        PromotionIds = line.PromotionIds,
    };

    /// <summary>1 for a cancelled line, 0 for a shipped, delivered or returned one; null when the line is no label
    /// (pending, lost, other) or has no amount (a missing amount gives the outcome away, so such lines are not used).</summary>
    public static double? Label(StatusGroup group, bool hasAmount)
    {
        if (!hasAmount)
            return null;
        return group switch
        {
            StatusGroup.Cancelled => 1,
            StatusGroup.Shipped or StatusGroup.Delivered or StatusGroup.Returned => 0,
            _ => null,
        };
    }
}
