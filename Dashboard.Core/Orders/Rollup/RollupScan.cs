
namespace Dashboard.Core.Orders.Rollup;

/// <summary>
/// The frame's scans (<see cref="OrdersScan"/>) over a <see cref="RollupSlice"/>: the same groups, and the same rule for
/// which chart leaves out which filter, from cells and shapes instead of lines. A cell's measures and single-cell orders
/// add up into every group it falls in; a shape's orders count once in every group one of its cells falls in.
/// </summary>
internal static class RollupScan
{
    /// <summary>The whole overview (<see cref="OrdersScan.Overview"/>) from one slice over the shown and the previous period.</summary>
    public static OverviewGroups Overview(OrdersRollup s, RollupSlice slice, CompiledFilter f, OverviewLayout layout)
    {
        var g = new OverviewGroups(layout.BucketCount, s.Categories.Count, layout.MonthCount);
        var targets = new (GroupMeasures Group, int Key)[5];
        foreach (var cell in slice.Cells)
        {
            var n = Targets(g, f, layout, cell.Day, cell.Category, targets);
            for (var t = 0; t < n; t++)
            {
                targets[t].Group.AddCells(targets[t].Key, cell);
            }
        }
        foreach (var cell in slice.Shapes)
        {
            var n = Targets(g, f, layout, cell.Day, cell.Category, targets);
            for (var t = 0; t < n; t++)
            {
                targets[t].Group.AddShape(targets[t].Key, cell);
            }
        }
        return g;
    }

    /// <summary>The groups a cell of <paramref name="day"/> and <paramref name="category"/> counts in (as OrdersScan's fused pass routes a line).</summary>
    private static int Targets(OverviewGroups g, CompiledFilter f, OverviewLayout layout, int day, short category, (GroupMeasures, int)[] into)
    {
        var inRange = day >= layout.FirstDay && day <= layout.LastDay;
        if (!inRange && (day < layout.PreviousFirstDay || day > layout.PreviousLastDay))
        {
            return 0;
        }
        var passCategory = f.Category is null || f.Category[category];
        var passWeekday = f.Weekday is null || f.Weekday[(day + 1) % 7];
        var n = 0;
        if (!inRange)
        {
            if (passCategory && passWeekday)
            {
                into[n++] = (g.Previous, 0);
            }
            return n;
        }
        var d = day - layout.FirstDay;
        if (passCategory && passWeekday)
        {
            into[n++] = (g.Current, 0);
            into[n++] = (g.Buckets, layout.BucketOfDay[d]);
            into[n++] = (g.Months, layout.MonthOfDay[d]);
        }
        if (passWeekday)
        {
            into[n++] = (g.Categories, category);
        }
        if (passCategory)
        {
            into[n++] = (g.Weekdays, layout.WeekdayOfDay[d]);
        }
        return n;
    }

    /// <summary>
    /// The measures of the cells between two days that pass the whole filter, by <paramref name="keyOf"/> (day number,
    /// category code, state code): <see cref="OrdersScan.Run"/> over the rollup.
    /// </summary>
    public static GroupMeasures Run(RollupSlice slice, CompiledFilter f, int fromDay, int toDay, int keys, Func<int, short, short, int> keyOf)
    {
        var result = new GroupMeasures(keys);
        bool Pass(int day, short category) =>
            day >= fromDay && day <= toDay &&
            (f.Category is null || f.Category[category]) &&
            (f.Weekday is null || f.Weekday[(day + 1) % 7]);
        foreach (var cell in slice.Cells)
        {
            if (Pass(cell.Day, cell.Category))
            {
                result.AddCells(keyOf(cell.Day, cell.Category, cell.State), cell);
            }
        }
        foreach (var cell in slice.Shapes)
        {
            if (Pass(cell.Day, cell.Category))
            {
                result.AddShape(keyOf(cell.Day, cell.Category, cell.State), cell);
            }
        }
        return result;
    }
}
