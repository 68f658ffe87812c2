using Dashboard.Core.Display;
using Dashboard.Core.Drivers;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// What drove a change as a waterfall (docs/decisions/0032-drivers-mix-and-rate.md). plotly's waterfall trace is not in the
/// basic bundle we serve (decision 0007): each bar is a bar trace's bar drawn from its <c>base</c>, the running total before
/// it, to the total after it; the last bar is the whole change from zero. The largest parts are shown, the rest summed as
/// one bar, so the bars still add up to the change.
/// </summary>
public static class DriverFigures
{
    public const int PartsShown = 8;

    public static readonly IReadOnlyDictionary<DriverKpi, string> KpiNames = new Dictionary<DriverKpi, string>
    {
        [DriverKpi.Orders] = "Orders", [DriverKpi.Units] = "Units", [DriverKpi.Revenue] = "Revenue",
        [DriverKpi.AverageOrderValue] = "Average order value", [DriverKpi.CancellationRate] = "Cancellation rate",
    };

    public static readonly IReadOnlyDictionary<DriverDimension, string> DimensionNames = new Dictionary<DriverDimension, string>
    {
        [DriverDimension.Category] = "Category", [DriverDimension.State] = "State",
        [DriverDimension.Fulfilment] = "Fulfilment", [DriverDimension.Channel] = "Sales channel",
    };

    /// <summary>The bars: up to <see cref="PartsShown"/> values, "Other values" for the rest, then the change.</summary>
    public static IReadOnlyList<(string Name, decimal Value)> Bars(DriverBreakdown b)
    {
        var shown = b.Parts.Take(PartsShown).Select(p => (Name: p.Value.Length == 0 ? "(none)" : p.Value, Value: p.Contribution)).ToList();
        if (b.Parts.Count > PartsShown)
        {
            shown.Add(($"{b.Parts.Count - PartsShown} other values", b.Parts.Skip(PartsShown).Sum(p => p.Contribution)));
        }
        shown.Add(("Change", b.Delta));
        return shown;
    }

    public static ChartFigure Waterfall(DriverBreakdown b, DisplayNumbers? numbers = null)
    {
        var n = numbers ?? DisplayNumbers.Current;
        var bars = Bars(b);
        var bases = new List<decimal>();
        var running = 0m;
        foreach (var (_, value) in bars.Take(bars.Count - 1))
        {
            bases.Add(running);
            running += value;
        }
        bases.Add(0m);
        var rate = b.Kpi == DriverKpi.CancellationRate;
        string Full(decimal v) => rate ? (v >= 0 ? "+" : "") + n.Number((double)(v * 100), 4) + " points"
            : b.Kpi is DriverKpi.Revenue or DriverKpi.AverageOrderValue ? n.AmountChange(v, Plot.Label(b.Currency))
            : (v >= 0 ? "+" : "") + n.Number((double)v, v % 1 == 0 ? 0 : 2);
        var trace = Plot.Bar(KpiNames[b.Kpi] + " change", Plot.Labels(bars.Select(x => x.Name)), Plot.Values(bars.Select(x => x.Value)),
            Plot.Colours(bars.Select((x, i) => i == bars.Count - 1 ? ChartPalette.Primary : x.Value >= 0 ? ChartPalette.Up : ChartPalette.Down)));
        trace.BaseArray = bases.Select(v => (object)v).ToList();
        trace.TextArray = bars.Select(x => Full(x.Value)).ToList();
        trace.HoverTemplate = "%{x}<br>%{text}<extra></extra>";
        var ends = bases.Zip(bars, (start, bar) => (double)(start + bar.Value)).Concat(bases.Select(v => (double)v)).Append(0);
        var title = $"{KpiNames[b.Kpi]} change" + (b.Kpi is DriverKpi.Revenue or DriverKpi.AverageOrderValue ? $" ({b.Currency})" : "");
        var axis = rate ? Plot.ValueAxis(title, ".2%", fromZero: false)
            : AxisTicks.Apply(Plot.ValueAxis(title, fromZero: false), ends,
                b.Kpi is DriverKpi.Revenue or DriverKpi.AverageOrderValue ? AxisTicks.Money(n, Plot.Label(b.Currency), signed: true) : AxisTicks.Count(n));
        return new ChartFigure([trace], Plot.Layout(Plot.CategoryAxis(tickAngle: -35), axis, bottom: 100)) { XName = DimensionNames[b.By] };
    }
}
