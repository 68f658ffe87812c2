using Dashboard.Core.Orders;

namespace Dashboard.Core.Drivers;

/// <summary>
/// One pass over the frame for the drivers of two periods: the measures of each value of a dimension, in each period,
/// of the lines that pass the whole filter. Each order counts for one value of the dimension: the value that most of
/// its lines (in the period, passing the filter) carry, ties to the name first in ordinal order; its revenue goes with
/// it for the average order value. So the values' orders sum to the period's distinct orders.
/// </summary>
internal static class DriverScan
{
    /// <summary>[period][value]: period 0 <paramref name="basePeriod"/>, 1 <paramref name="period"/>; the last value (index names.Count) is "no value".</summary>
    public static DriverCell[][] Run(OrdersFrame s, CompiledFilter f, DriverDimension by, DateRange basePeriod, DateRange period)
    {
        var names = NamesOf(s, by);
        var cells = new[] { new DriverCell[names.Count + 1], new DriverCell[names.Count + 1] };
        int[] first = [basePeriod.From.DayNumber, period.From.DayNumber];
        int[] last = [basePeriod.To.DayNumber, period.To.DayNumber];
        var others = new OtherDimensions(s, f);
        var codes = CodesOf(s, by).Span;
        var (days, categories, weekdays, statuses, runs, qtys, currencies, amounts) = new MeasureColumns(s);
        var cancelled = (byte)StatusGroup.Cancelled;
        var orders = new[] { new OrderTally(names), new OrderTally(names) };
        var (start, end) = s.RowsBetween(Math.Min(first[0], first[1]), Math.Max(last[0], last[1]));
        var run = -1;
        for (var r = start; r < end; r++)
        {
            if (runs[r] != run)
            {
                orders[0].Flush(cells[0]);
                orders[1].Flush(cells[1]);
                run = runs[r];
            }
            var d = days[r];
            var p = d >= first[1] && d <= last[1] ? 1 : d >= first[0] && d <= last[0] ? 0 : -1;
            if (p < 0 || (f.Category is not null && !f.Category[categories[r]]) ||
                (f.Weekday is not null && !f.Weekday[weekdays[r]]) || !others.Pass(r))
            {
                continue;
            }
            var value = codes[r] < 0 ? names.Count : codes[r];
            ref var c = ref cells[p][value];
            var isCancelled = statuses[r] == cancelled;
            var inCurrency = !isCancelled && currencies[r] == f.Currency;
            var revenue = inCurrency ? amounts[r] : 0;
            c.Lines++;
            c.Units = checked(c.Units + qtys[r]);
            if (isCancelled)
            {
                c.Cancelled++;
            }
            c.RevenueMinor = checked(c.RevenueMinor + revenue);
            orders[p].Add(value, paid: inCurrency || (!isCancelled && currencies[r] == OrdersFrame.NoCurrency), revenue);
        }
        orders[0].Flush(cells[0]);
        orders[1].Flush(cells[1]);
        return cells;
    }

    public static IReadOnlyList<string> NamesOf(IOrdersData s, DriverDimension by) => by switch
    {
        DriverDimension.Category => s.Categories,
        DriverDimension.State => s.States,
        DriverDimension.Fulfilment => s.Fulfilments,
        _ => s.SalesChannels,
    };

    private static ReadOnlyMemory<short> CodesOf(OrdersFrame s, DriverDimension by) => by switch
    {
        DriverDimension.Category => s.Category,
        DriverDimension.State => s.State,
        DriverDimension.Fulfilment => s.Fulfilment,
        _ => s.Channel,
    };

    /// <summary>The lines of the order being read, in one period: which values they carry, whether it sold and for how much.</summary>
    private sealed class OrderTally(IReadOnlyList<string> names)
    {
        private readonly List<(int Value, int Lines)> _values = [];
        private bool _paid;
        private long _revenue;

        public void Add(int value, bool paid, long revenueMinor)
        {
            var i = _values.FindIndex(v => v.Value == value);
            if (i < 0)
            {
                _values.Add((value, 1));
            }
            else
            {
                _values[i] = (value, _values[i].Lines + 1);
            }
            _paid |= paid;
            _revenue = checked(_revenue + revenueMinor);
        }

        /// <summary>Counts the order for its value, and starts the next order.</summary>
        public void Flush(DriverCell[] cells)
        {
            if (_values.Count == 0)
            {
                return;
            }
            var (best, lines) = _values[0];
            for (var i = 1; i < _values.Count; i++)
            {
                var (value, n) = _values[i];
                if (n > lines || (n == lines && string.CompareOrdinal(NameOf(value), NameOf(best)) < 0))
                {
                    (best, lines) = (value, n);
                }
            }
            ref var c = ref cells[best];
            c.Orders++;
            if (_paid)
            {
                c.PaidOrders++;
                c.OrderRevenueMinor = checked(c.OrderRevenueMinor + _revenue);
            }
            _values.Clear();
            _paid = false;
            _revenue = 0;
        }

        private string NameOf(int value) => value < names.Count ? names[value] : "";
    }
}
