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
internal sealed class GroupMeasures
{
    private readonly int[] _lastRun;
    private readonly int[] _lastPaidRun;

    public GroupMeasures(int keys)
    {
        Lines = new int[keys];
        Cancelled = new int[keys];
        Orders = new int[keys];
        PaidOrders = new int[keys];
        Units = new long[keys];
        Revenue = new long[keys];
        _lastRun = new int[keys];
        _lastPaidRun = new int[keys];
        Array.Fill(_lastRun, -1);
        Array.Fill(_lastPaidRun, -1);
    }

    public int[] Lines { get; }
    public int[] Cancelled { get; }
    public int[] Orders { get; }
    public int[] PaidOrders { get; }
    public long[] Units { get; }
    public long[] Revenue { get; }
    public int Keys => Lines.Length;

    /// <remarks>Relies on the lines of one order being adjacent (the snapshot is sorted by order).</remarks>
    public void Add(int key, int run, bool cancelled, int qty, int currency, int selectedCurrency, long amountMinor)
    {
        Lines[key]++;
        Units[key] += qty;
        if (_lastRun[key] != run)
        {
            _lastRun[key] = run;
            Orders[key]++;
        }
        if (cancelled)
        {
            Cancelled[key]++;
        }
        else if (currency == selectedCurrency || currency == OrdersSnapshot.NoCurrency)
        {
            if (currency == selectedCurrency)
            {
                Revenue[key] += amountMinor;
            }
            if (_lastPaidRun[key] != run)
            {
                _lastPaidRun[key] = run;
                PaidOrders[key]++;
            }
        }
    }

    public OrderMeasures this[int key] =>
        new(Lines[key], Cancelled[key], Orders[key], PaidOrders[key], Units[key], Revenue[key]);
}

/// <summary>A filter compiled against one snapshot's dictionaries: a lookup table per dimension.</summary>
internal sealed class CompiledFilter
{
    public CompiledFilter(OrdersSnapshot s, OrderFilter f)
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
        Currency = s.CurrencyCode(f.Currency ?? s.MainCurrency);
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

/// <summary>One pass over a snapshot: the lines that pass the filter, between two days, grouped by a key.</summary>
internal static class OrdersScan
{
    /// <remarks>
    /// The group of a line is <c>keyOfRow[row]</c> when given, else <c>keyOfDay[day number − firstDay]</c> when given,
    /// else 0 (one group). Days are day numbers, inclusive.
    /// </remarks>
    public static GroupMeasures Run(
        OrdersSnapshot s, CompiledFilter f, Ignore ignore, int fromDay, int toDay,
        int keys, int[]? keyOfRow = null, int[]? keyOfDay = null, int firstDay = 0)
    {
        var result = new GroupMeasures(keys);
        var category = (ignore & Ignore.Category) != 0 ? null : f.Category;
        var weekday = (ignore & Ignore.Weekday) != 0 ? null : f.Weekday;
        var state = f.State;
        var fulfilment = f.Fulfilment;
        var channel = f.Channel;
        var service = f.Service;
        var status = f.Status;
        var b2b = f.B2B;
        var currency = f.Currency;
        var cancelled = (byte)StatusGroup.Cancelled;

        var days = s.Day;
        for (var r = 0; r < days.Length; r++)
        {
            var d = days[r];
            if (d < fromDay || d > toDay)
            {
                continue;
            }
            if ((category is not null && !category[s.Category[r]]) ||
                (weekday is not null && !weekday[s.Weekday[r]]) ||
                (state is not null && !state[s.State[r]]) ||
                (status is not null && !status[s.Status[r]]) ||
                (fulfilment is not null && !fulfilment[s.Fulfilment[r]]) ||
                (channel is not null && !channel[s.Channel[r]]) ||
                (service is not null && !service[s.Service[r]]) ||
                (b2b is { } wantB2B && s.B2B[r] != wantB2B))
            {
                continue;
            }
            var key = keyOfRow is not null ? keyOfRow[r] : keyOfDay is not null ? keyOfDay[d - firstDay] : 0;
            result.Add(key, s.Run[r], s.Status[r] == cancelled, s.Qty[r], s.Currency[r], currency, s.AmountMinor[r]);
        }
        return result;
    }
}
