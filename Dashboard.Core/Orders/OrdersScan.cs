
namespace Dashboard.Core.Orders;

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
        var (days, categories, weekdays, statuses, runs, qtys, currencies, amounts) = new MeasureColumns(s);
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
        var mask = new Analytics.Frames.ColumnBuffer<bool>(s.Count);
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
        return Analytics.Frames.FrameColumns.Boolean("selected", mask);
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

        var (days, categories, weekdays, statuses, runs, qtys, currencies, amounts) = new MeasureColumns(s);
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
