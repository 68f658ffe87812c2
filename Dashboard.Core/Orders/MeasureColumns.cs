namespace Dashboard.Core.Orders;

/// <summary>
/// The frame's columns that a pass over its lines reads to filter them and to sum their measures, as spans taken once
/// before the loop: <c>var (days, categories, …) = new MeasureColumns(frame);</c> keeps each span in a local of its own,
/// which the JIT keeps in registers and checks against its length once, as separate locals would be.
/// </summary>
internal readonly ref struct MeasureColumns(OrdersFrame s)
{
    private readonly OrdersFrame _s = s;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)] // the locals stay enregistered
    public void Deconstruct(
        out ReadOnlySpan<int> days, out ReadOnlySpan<short> categories, out ReadOnlySpan<byte> weekdays, out ReadOnlySpan<byte> statuses,
        out ReadOnlySpan<int> runs, out ReadOnlySpan<int> qtys, out ReadOnlySpan<short> currencies, out ReadOnlySpan<long> amounts)
    {
        days = _s.Day.Span;
        categories = _s.Category.Span;
        weekdays = _s.Weekday.Span;
        statuses = _s.Status.Span;
        runs = _s.Run.Span;
        qtys = _s.Qty.Span;
        currencies = _s.Currency.Span;
        amounts = _s.AmountMinor.Span;
    }
}
