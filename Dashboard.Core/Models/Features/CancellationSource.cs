using Dashboard.Core.Orders;

namespace Dashboard.Core.Models.Features;

/// <summary>
/// The order lines the cancellation model learns from, column by column as the orders frame holds them (<see cref="From"/>
/// wraps the frame's buffers; nothing is copied): the inputs a line has when it is placed (<see cref="CancellationFeatures"/>
/// reads them), and what the label, the split and the training record read (id, day, status group, amount, batch).
/// </summary>
public sealed record CancellationSource
{
    public required int Count { get; init; }
    /// <summary>The store's row id: the models read the lines in this order.</summary>
    public required ReadOnlyMemory<int> Id { get; init; }
    /// <summary><see cref="DateOnly.DayNumber"/> of the line's date.</summary>
    public required ReadOnlyMemory<int> Day { get; init; }
    public required ReadOnlyMemory<byte> Weekday { get; init; }
    public required ReadOnlyMemory<byte> Status { get; init; }
    public required ReadOnlyMemory<long> AmountMinor { get; init; }
    /// <summary>Validity bits of <see cref="AmountMinor"/> (see <see cref="CodedColumn"/>); empty when every line has an amount.</summary>
    public required ReadOnlyMemory<byte> AmountValid { get; init; }
    public required ReadOnlyMemory<bool> B2B { get; init; }
    public required ReadOnlyMemory<int> Batch { get; init; }
    public required CodedColumn Fulfilment { get; init; }
    public required CodedColumn SalesChannel { get; init; }
    public required CodedColumn ServiceLevel { get; init; }
    public required CodedColumn Category { get; init; }
    public required CodedColumn Size { get; init; }
    public required CodedColumn State { get; init; }
    public required CodedColumn City { get; init; }
    public required CodedColumn PromotionIds { get; init; }

    /// <summary>The frame's own columns; the frame must have been loaded with its model columns.</summary>
    internal static CancellationSource From(OrdersFrame frame)
    {
        if (frame.City is not { } city || frame.Size is not { } size || frame.Batch is not { } batch || frame.Promotions is not { } promotions)
            throw new InvalidOperationException("This frame was loaded without its model columns.");
        var amounts = (Microsoft.Data.Analysis.PrimitiveDataFrameColumn<long>)frame.Frame[OrdersFrame.AmountColumn];
        return new CancellationSource
        {
            Count = frame.Count,
            Id = frame.Id,
            Day = frame.Day,
            Weekday = frame.Weekday,
            Status = frame.Status,
            AmountMinor = frame.AmountMinor,
            AmountValid = amounts.NullCount == 0 ? default : amounts.GetReadOnlyNullBitMapBuffers().Single(),
            B2B = frame.B2B,
            Batch = batch,
            Fulfilment = new CodedColumn(frame.Fulfilment, frame.Fulfilments),
            SalesChannel = new CodedColumn(frame.Channel, frame.SalesChannels),
            ServiceLevel = new CodedColumn(frame.Service, frame.ServiceLevels),
            Category = new CodedColumn(frame.Category, frame.Categories),
            Size = new CodedColumn(size, frame.Sizes),
            State = new CodedColumn(frame.State, frame.States),
            City = new CodedColumn(city, frame.Cities),
            PromotionIds = new CodedColumn(promotions, frame.PromotionLists),
        };
    }

    public bool HasAmount(int row) => AmountValid.IsEmpty || (AmountValid.Span[row >> 3] & (1 << (row & 7))) != 0;

    /// <summary>The line's amount in the currency's major unit, as <see cref="OrderLine.Amount"/> has it.</summary>
    public decimal? Amount(int row) => HasAmount(row) ? AmountMinor.Span[row] / 100m : null;

    public DateOnly Date(int row) => DateOnly.FromDayNumber(Day.Span[row]);

    /// <summary>The label of <paramref name="row"/> (<see cref="CancellationInput.Label"/>).</summary>
    public double? Label(int row) => CancellationInput.Label((StatusGroup)Status.Span[row], HasAmount(row));

    /// <summary>The line as a single request asks it (for a sample of requests: what-if latency, explanations).</summary>
    public CancellationInput Input(int row) => new()
    {
        City = City.Text(row),
        State = State.Text(row) is { Length: > 0 } state ? state : null, // the frame names a missing state ""
        Amount = Amount(row),
        Category = Category.Text(row),
        Size = Size.Text(row),
        Fulfilment = Fulfilment.Text(row),
        SalesChannel = SalesChannel.Text(row),
        ServiceLevel = ServiceLevel.Text(row),
        B2B = B2B.Span[row],
        Weekday = (DayOfWeek)Weekday.Span[row],
        PromotionIds = PromotionIds.Text(row),
    };

    /// <summary>The labelled lines (a known outcome and an amount) in store order (by id): the rows the models read.</summary>
    public int[] LabelledRows()
    {
        var rows = new List<int>();
        var ids = new List<int>();
        for (var r = 0; r < Count; r++)
        {
            if (Label(r) is not null)
            {
                rows.Add(r);
                ids.Add(Id.Span[r]);
            }
        }
        var result = rows.ToArray();
        Array.Sort(ids.ToArray(), result);
        return result;
    }
}
