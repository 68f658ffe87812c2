using System.Runtime.CompilerServices;
using Dashboard.Core.Orders;

namespace Dashboard.Core.Analytics.Orders;

/// <summary>
/// The measures of a set of order lines, as defined once for every screen:
/// <list type="bullet">
/// <item><see cref="Orders"/>: distinct Order IDs among the lines;</item>
/// <item><see cref="Units"/>: sum of Qty over the lines (cancelled ones included);</item>
/// <item><see cref="Revenue"/>: sum of Amount over lines not in the Cancelled status group, in <c>Currency</c> only;</item>
/// <item><see cref="OrdersWithSales"/>: distinct orders with at least one non-cancelled line that is not in another currency;</item>
/// <item><see cref="AverageOrderValue"/>: Revenue / OrdersWithSales, rounded half away from zero to 0.01;</item>
/// <item><see cref="CancellationRate"/>: cancelled lines / all lines.</item>
/// </list>
/// </summary>
public sealed record OrderMeasures(int Lines, int CancelledLines, int Orders, int OrdersWithSales, long Units, long RevenueMinor)
{
    public static readonly OrderMeasures Empty = new(0, 0, 0, 0, 0, 0);

    public decimal Revenue => RevenueMinor / 100m;

    public decimal? AverageOrderValue =>
        OrdersWithSales == 0 ? null : Math.Round(RevenueMinor / 100m / OrdersWithSales, 2, MidpointRounding.AwayFromZero);

    public double? CancellationRate => Lines == 0 ? null : (double)CancelledLines / Lines;
}

/// <summary>Measures per group key, filled by one pass of <see cref="OrdersScan"/>.</summary>
internal sealed class GroupMeasures(int keys)
{
    /// <summary>One key's running measures, kept together so that adding a line touches one place.</summary>
    private struct Cell
    {
        public int Lines;
        public int Cancelled;
        public int Orders;
        public int PaidOrders;
        public long Units;
        public long Revenue;
        /// <summary>The last order counted (+1, so that the zeroed cell has counted none).</summary>
        public int LastOrder;
        public int LastPaidOrder;
    }

    private readonly Cell[] _cells = new Cell[keys];

    public int Keys => _cells.Length;

    /// <remarks>
    /// Relies on the lines of one order being adjacent (the frame groups them by order). Sums are checked: an import
    /// bounds each line's amount (<c>Imports:MaxLineAmount</c>), so no real total comes near <c>long</c>'s range, and one
    /// that did (lines stored before the bound) must fail loudly rather than wrap to a negative revenue.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int key, int run, bool cancelled, int qty, int currency, int selectedCurrency, long amountMinor)
    {
        ref var c = ref _cells[key];
        var order = run + 1;
        c.Lines++;
        c.Units = checked(c.Units + qty);
        if (c.LastOrder != order)
        {
            c.LastOrder = order;
            c.Orders++;
        }
        if (cancelled)
        {
            c.Cancelled++;
        }
        else if (currency == selectedCurrency || currency == OrdersFrame.NoCurrency)
        {
            if (currency == selectedCurrency)
            {
                c.Revenue = checked(c.Revenue + amountMinor);
            }
            if (c.LastPaidOrder != order)
            {
                c.LastPaidOrder = order;
                c.PaidOrders++;
            }
        }
    }

    /// <summary>
    /// Adds a group of rollup cells (<see cref="Rollup.RollupCell"/>): their measures add up, and so do their orders, which
    /// each lie in one cell.
    /// </summary>
    public void AddCells(int key, in Rollup.RollupCell cell)
    {
        ref var c = ref _cells[key];
        c.Lines += cell.Lines;
        c.Units = checked(c.Units + cell.Units);
        c.Orders += cell.Orders;
        switch (cell.Kind)
        {
            case 0: c.Cancelled += cell.Lines; break;
            case 1: c.Revenue = checked(c.Revenue + cell.AmountMinor); c.PaidOrders += cell.Orders; break;
            case 2: c.PaidOrders += cell.Orders; break;
        }
    }

    /// <summary>
    /// Counts the orders of one shape (orders spanning several cells) once per key, however many of its cells fall
    /// under the key: the cells of one shape come together, as the lines of one order do in <see cref="Add"/>.
    /// </summary>
    public void AddShape(int key, in Rollup.RollupShapeCell cell)
    {
        ref var c = ref _cells[key];
        var shape = cell.Shape + 1;
        if (c.LastOrder != shape)
        {
            c.LastOrder = shape;
            c.Orders += cell.Orders;
        }
        if (cell.Kind is 1 or 2 && c.LastPaidOrder != shape)
        {
            c.LastPaidOrder = shape;
            c.PaidOrders += cell.Orders;
        }
    }

    /// <summary>Adds another scan's measures (of other orders: distinct counts add up only when no order is in both).</summary>
    public void Merge(GroupMeasures other)
    {
        for (var k = 0; k < Keys; k++)
        {
            ref var c = ref _cells[k];
            ref readonly var o = ref other._cells[k];
            c.Lines += o.Lines;
            c.Cancelled += o.Cancelled;
            c.Orders += o.Orders;
            c.PaidOrders += o.PaidOrders;
            c.Units = checked(c.Units + o.Units);
            c.Revenue = checked(c.Revenue + o.Revenue);
        }
    }

    public OrderMeasures this[int key]
    {
        get
        {
            ref readonly var c = ref _cells[key];
            return new(c.Lines, c.Cancelled, c.Orders, c.PaidOrders, c.Units, c.Revenue);
        }
    }
}

/// <summary>
/// The one filter of the order queries (overview, weekly review, exports), compiled against one frame's dictionaries:
/// a lookup table per dimension, tested against the frame's code columns.
/// </summary>
internal sealed class CompiledFilter
{
    public CompiledFilter(IOrdersData s, OrderFilter f)
    {
        Category = Allowed(s.Categories, f.Categories);
        State = Allowed(s.States, f.States);
        Fulfilment = Allowed(s.Fulfilments, f.Fulfilments);
        Channel = Allowed(s.SalesChannels, f.SalesChannels);
        Service = Allowed(s.ServiceLevels, f.ServiceLevels);
        if (f.StatusGroups.Count > 0)
        {
            Status = new bool[Enum.GetValues<StatusGroup>().Length];
            foreach (var g in f.StatusGroups)
            {
                Status[(int)g] = true;
            }
        }
        if (f.Weekdays.Count > 0)
        {
            Weekday = new bool[7];
            foreach (var d in f.Weekdays)
            {
                Weekday[(int)d] = true;
            }
        }
        B2B = f.B2B;
        Currency = IOrdersData.CurrencyCode(s.Currencies, f.Currency ?? s.MainCurrency);
    }

    public bool[]? Category { get; }
    public bool[]? State { get; }
    public bool[]? Fulfilment { get; }
    public bool[]? Channel { get; }
    public bool[]? Service { get; }
    public bool[]? Status { get; }
    public bool[]? Weekday { get; }
    public bool? B2B { get; }
    public int Currency { get; }

    private static bool[]? Allowed(IReadOnlyList<string> names, IReadOnlyList<string> wanted)
    {
        if (wanted.Count == 0)
        {
            return null;
        }
        var allowed = new bool[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            allowed[i] = wanted.Contains(names[i], StringComparer.OrdinalIgnoreCase);
        }
        return allowed;
    }
}

/// <summary>Which filter a scan leaves out: a chart ignores the filter its own bars set, so its other bars stay visible.</summary>
[Flags]
internal enum Ignore
{
    None = 0,
    Category = 1,
    Weekday = 2,
}

/// <summary>One pass over a frame's column buffers: the lines that pass the filter, between two days, grouped by a key.</summary>
internal static class OrdersScan
{
    /// <summary>Rows per parallel part of a fused scan; smaller frames are scanned on one thread.</summary>
    private const int RowsPerPart = 200_000;

    /// <summary>
    /// The whole overview in one pass per part: KPIs of the range and of the previous period, buckets over time,
    /// weekdays (ignoring the weekday filter), categories (ignoring the category filter) and months. Large frames
    /// are split into parts at order boundaries and scanned in parallel; distinct-order counts then add up exactly.
    /// </summary>
    public static OverviewGroups Overview(OrdersFrame s, CompiledFilter f, OverviewLayout layout, int? parts = null)
    {
        var (start, end) = s.RowsBetween(
            Math.Min(layout.FirstDay, layout.PreviousFirstDay), Math.Max(layout.LastDay, layout.PreviousLastDay));
        return InParts(s, f, layout, start, end, parts ?? Math.Clamp((end - start) / RowsPerPart, 1, Environment.ProcessorCount));
    }

    private static OverviewGroups InParts(OrdersFrame s, CompiledFilter f, OverviewLayout layout, int start, int end, int parts)
    {
        if (parts == 1)
        {
            return OverviewPart(s, f, layout, start, end);
        }
        var bounds = new int[parts + 1];
        bounds[0] = start;
        bounds[parts] = end;
        var runs = s.Run.Span;
        for (var p = 1; p < parts; p++)
        {
            var b = start + (int)((long)(end - start) * p / parts);
            while (b < end && b > start && runs[b] == runs[b - 1])
            {
                b++;
            }
            bounds[p] = Math.Max(b, bounds[p - 1]);
        }
        var results = new OverviewGroups[parts];
        Parallel.For(0, parts, p => results[p] = OverviewPart(s, f, layout, bounds[p], bounds[p + 1]));
        for (var p = 1; p < parts; p++)
        {
            results[0].Merge(results[p]);
        }
        return results[0];
    }

    private static OverviewGroups OverviewPart(OrdersFrame s, CompiledFilter f, OverviewLayout layout, int start, int end)
    {
        var g = new OverviewGroups(layout.BucketCount, s.Categories.Count, layout.MonthCount);
        var category = f.Category;
        var weekday = f.Weekday;
        var others = new OtherDimensions(s, f);
        var currency = f.Currency;
        var cancelledGroup = (byte)StatusGroup.Cancelled;
        var (first, last, previousFirst, previousLast) = (layout.FirstDay, layout.LastDay, layout.PreviousFirstDay, layout.PreviousLastDay);
        var days = s.Day.Span;
        var statuses = s.Status.Span;
        var categories = s.Category.Span;
        var weekdays = s.Weekday.Span;
        var runs = s.Run.Span;
        var qtys = s.Qty.Span;
        var currencies = s.Currency.Span;
        var amounts = s.AmountMinor.Span;
        for (var r = start; r < end; r++)
        {
            var d = days[r];
            var inRange = d >= first && d <= last;
            if (!inRange && (d < previousFirst || d > previousLast))
            {
                continue;
            }
            if (!others.Pass(r))
            {
                continue;
            }
            var passCategory = category is null || category[categories[r]];
            var passWeekday = weekday is null || weekday[weekdays[r]];
            var run = runs[r];
            var cancelled = statuses[r] == cancelledGroup;
            var qty = qtys[r];
            var lineCurrency = currencies[r];
            var amount = amounts[r];
            if (!inRange)
            {
                if (passCategory && passWeekday)
                {
                    g.Previous.Add(0, run, cancelled, qty, lineCurrency, currency, amount);
                }
                continue;
            }
            var day = d - first;
            if (passCategory && passWeekday)
            {
                g.Current.Add(0, run, cancelled, qty, lineCurrency, currency, amount);
                g.Buckets.Add(layout.BucketOfDay[day], run, cancelled, qty, lineCurrency, currency, amount);
                g.Months.Add(layout.MonthOfDay[day], run, cancelled, qty, lineCurrency, currency, amount);
            }
            if (passWeekday)
            {
                g.Categories.Add(categories[r], run, cancelled, qty, lineCurrency, currency, amount);
            }
            if (passCategory)
            {
                g.Weekdays.Add(layout.WeekdayOfDay[day], run, cancelled, qty, lineCurrency, currency, amount);
            }
        }
        return g;
    }

    /// <summary>
    /// The rows that pass the whole filter (every dimension) between two days, as a mask for
    /// <see cref="Microsoft.Data.Analysis.DataFrame.Filter(Microsoft.Data.Analysis.PrimitiveDataFrameColumn{bool})"/>.
    /// </summary>
    public static Microsoft.Data.Analysis.BooleanDataFrameColumn Select(OrdersFrame s, CompiledFilter f, int fromDay, int toDay)
    {
        var mask = new Frames.ColumnBuffer<bool>(s.Count);
        var selected = mask.Values;
        var days = s.Day.Span;
        var categories = s.Category.Span;
        var weekdays = s.Weekday.Span;
        var others = new OtherDimensions(s, f);
        var (start, end) = s.RowsBetween(fromDay, toDay);
        for (var r = start; r < end; r++)
        {
            var d = days[r];
            selected[r] = d >= fromDay && d <= toDay &&
                (f.Category is null || f.Category[categories[r]]) &&
                (f.Weekday is null || f.Weekday[weekdays[r]]) &&
                others.Pass(r);
        }
        return Frames.FrameColumns.Boolean("selected", mask);
    }

    /// <remarks>
    /// The group of a line is <c>keyOfRow[row]</c> when given, else <c>keyOfDay[day number − firstDay]</c> when given,
    /// else 0 (one group). Days are day numbers, inclusive.
    /// </remarks>
    public static GroupMeasures Run(
        OrdersFrame s, CompiledFilter f, Ignore ignore, int fromDay, int toDay,
        int keys, ReadOnlyMemory<short>? keyOfRow = null, int[]? keyOfDay = null, int firstDay = 0)
    {
        var result = new GroupMeasures(keys);
        var category = (ignore & Ignore.Category) != 0 ? null : f.Category;
        var weekday = (ignore & Ignore.Weekday) != 0 ? null : f.Weekday;
        var others = new OtherDimensions(s, f);
        var currency = f.Currency;
        var cancelled = (byte)StatusGroup.Cancelled;

        var days = s.Day.Span;
        var categories = s.Category.Span;
        var weekdays = s.Weekday.Span;
        var statuses = s.Status.Span;
        var runs = s.Run.Span;
        var qtys = s.Qty.Span;
        var currencies = s.Currency.Span;
        var amounts = s.AmountMinor.Span;
        var keyCodes = keyOfRow is { } k ? k.Span : default;
        var byRow = keyOfRow is not null;
        var (start, end) = s.RowsBetween(fromDay, toDay);
        for (var r = start; r < end; r++)
        {
            var d = days[r];
            if (d < fromDay || d > toDay)
            {
                continue;
            }
            if ((category is not null && !category[categories[r]]) ||
                (weekday is not null && !weekday[weekdays[r]]) ||
                !others.Pass(r))
            {
                continue;
            }
            var key = byRow ? keyCodes[r] : keyOfDay is not null ? keyOfDay[d - firstDay] : 0;
            result.Add(key, runs[r], statuses[r] == cancelled, qtys[r], currencies[r], currency, amounts[r]);
        }
        return result;
    }
}

/// <summary>
/// The filter's dimensions that every scan tests the same way: all but category and weekday, which the overview's own
/// charts leave out in turn (<see cref="Ignore"/>).
/// </summary>
internal readonly ref struct OtherDimensions(OrdersFrame s, CompiledFilter f)
{
    private readonly bool[]? _state = f.State;
    private readonly bool[]? _status = f.Status;
    private readonly bool[]? _fulfilment = f.Fulfilment;
    private readonly bool[]? _channel = f.Channel;
    private readonly bool[]? _service = f.Service;
    private readonly bool? _b2b = f.B2B;
    private readonly ReadOnlySpan<short> _states = s.State.Span;
    private readonly ReadOnlySpan<byte> _statuses = s.Status.Span;
    private readonly ReadOnlySpan<short> _fulfilments = s.Fulfilment.Span;
    private readonly ReadOnlySpan<short> _channels = s.Channel.Span;
    private readonly ReadOnlySpan<short> _services = s.Service.Span;
    private readonly ReadOnlySpan<bool> _b2bs = s.B2B.Span;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Pass(int r) =>
        (_state is null || _state[_states[r]]) &&
        (_status is null || _status[_statuses[r]]) &&
        (_fulfilment is null || _fulfilment[_fulfilments[r]]) &&
        (_channel is null || _channel[_channels[r]]) &&
        (_service is null || _service[_services[r]]) &&
        (_b2b is not { } wantB2B || _b2bs[r] == wantB2B);
}

/// <summary>The groups of the whole overview, filled by one fused pass (<see cref="OrdersScan.Overview"/>).</summary>
internal sealed class OverviewGroups(int buckets, int categories, int months)
{
    public GroupMeasures Current { get; } = new(1);
    public GroupMeasures Previous { get; } = new(1);
    public GroupMeasures Buckets { get; } = new(buckets);
    public GroupMeasures Weekdays { get; } = new(7);
    public GroupMeasures Categories { get; } = new(categories);
    public GroupMeasures Months { get; } = new(months);

    public void Merge(OverviewGroups other)
    {
        Current.Merge(other.Current);
        Previous.Merge(other.Previous);
        Buckets.Merge(other.Buckets);
        Weekdays.Merge(other.Weekdays);
        Categories.Merge(other.Categories);
        Months.Merge(other.Months);
    }
}

/// <summary>Where the overview's groups come from, by day (index: day number − <see cref="FirstDay"/>, over the shown range).</summary>
internal sealed record OverviewLayout(int FirstDay, int LastDay, int PreviousFirstDay, int PreviousLastDay,
    int[] BucketOfDay, int BucketCount, int[] WeekdayOfDay, int[] MonthOfDay, int MonthCount);
