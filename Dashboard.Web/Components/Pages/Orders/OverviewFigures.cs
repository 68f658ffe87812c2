using System.Globalization;
using Dashboard.Core.Display;
using Dashboard.Core.Orders;
using Dashboard.Web.Components.Charts;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.LayoutLib.YAxisLib;

namespace Dashboard.Web.Components.Pages.Orders;

/// <summary>
/// Turns the overview's query results into Plotly.Blazor figures (no numbers are computed here, only drawn). Values on
/// axes and in hovers are written on the server in the display culture (<see cref="AxisTicks"/>), by default the current one.
/// </summary>
public static class OverviewFigures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string MetricLabel(OrderMetric metric, string? currency) => metric switch
    {
        OrderMetric.Orders => "Orders",
        OrderMetric.Units => "Units",
        _ => $"Revenue ({currency})",
    };

    private static double Value(OrderMetric metric, int orders, long units, decimal revenue) => metric switch
    {
        OrderMetric.Orders => orders,
        OrderMetric.Units => units,
        _ => (double)revenue,
    };

    /// <summary>A value in full as the hover shows it: a count, or an amount with the currency's symbol.</summary>
    private static string Full(OrderMetric metric, double value, string? currency, DisplayNumbers numbers) =>
        metric == OrderMetric.Revenue ? numbers.Amount((decimal)value, Plot.Label(currency)) : numbers.Count((long)value);

    /// <summary>The value axis, its ticks compact (₹2 Cr, 1.5 L) in the display culture.</summary>
    private static YAxis Axis(string title, IEnumerable<double> values, OrderMetric metric, string? currency, DisplayNumbers numbers) =>
        AxisTicks.Apply(Plot.ValueAxis(title), values,
            metric == OrderMetric.Revenue ? AxisTicks.Money(numbers, Plot.Label(currency)) : AxisTicks.Count(numbers));

    public static ChartFigure OverTime(OrdersOverTime data, OrderMetric metric, string? currency, DisplayNumbers? numbers = null)
    {
        numbers ??= DisplayNumbers.Current;
        var values = data.Points.Select(p => Value(metric, p.Orders, p.Units, p.Revenue)).ToList();
        var x = Plot.Dates(data.Points.Select(p => p.Start));
        var y = Plot.Values(values);
        var unit = data.Grain switch { TimeGrain.Day => "day", TimeGrain.Week => "week", _ => "month" };
        var text = data.Points.Select((p, i) => Full(metric, values[i], currency, numbers) + (p.Partial ? $" partial {unit}" : "")).ToList();
        var label = Plot.Label(MetricLabel(metric, currency));
        var hover = $"%{{x|{(data.Grain == TimeGrain.Month ? "%b %Y" : "%a %d %b %Y")}}}<br>{label}: %{{text}}<extra></extra>";
        ITrace trace;
        var axis = Plot.DateAxis();
        if (data.Points.Count == 1)
        {
            // One bucket (a one-day range): its date is the one tick (Plotly labels an axis around a lone date in
            // milliseconds), and a day's point is drawn as a marker (a line of one point is invisible).
            axis.TickMode = Plotly.Blazor.LayoutLib.XAxisLib.TickModeEnum.Array;
            axis.TickVals = x;
            axis.TickFormat = data.Grain == TimeGrain.Month ? "%b %Y" : "%a %d %b %Y";
        }
        if (data.Grain == TimeGrain.Day)
        {
            var line = Plot.Line(MetricLabel(metric, currency), x, y, ChartPalette.Primary, markers: data.Points.Count == 1);
            line.TextArray = text;
            line.HoverTemplate = hover;
            trace = line;
        }
        else
        {
            var bars = Plot.Bar(MetricLabel(metric, currency), x, y, Plot.Colours(data.Points.Select(p => p.Partial ? ChartPalette.Partial : ChartPalette.Primary)));
            bars.TextArray = text;
            bars.HoverTemplate = hover;
            trace = bars;
        }
        return new ChartFigure([trace], Plot.Layout(axis, Axis(MetricLabel(metric, currency), values, metric, currency, numbers)))
        {
            XName = data.Grain switch { TimeGrain.Day => "Day", TimeGrain.Week => "Week starting", _ => "Month starting" },
        };
    }

    public static ChartFigure Weekdays(IReadOnlyList<WeekdayPoint> data, OrderMetric metric, string? currency, DisplayNumbers? numbers = null)
    {
        numbers ??= DisplayNumbers.Current;
        var label = MetricLabel(metric, currency);
        var values = data.Select(d => Value(metric, d.Orders, d.Units, d.Revenue)).ToList();
        var bars = Plot.Bar(label, Plot.Labels(data.Select(d => d.Name[..3])), Plot.Values(values),
            Plot.Colours(ChartPalette.Selection(data.Select(d => d.Selected).ToList())));
        bars.CustomData = Plot.Keys(data.Select(d => OrderFilter.WeekdayKeyOf(d.Day)));
        bars.TextArray = values.Select(v => Full(metric, v, currency, numbers)).ToList();
        bars.HoverTemplate = $"%{{x}}<br>{Plot.Label(label)}: %{{text}}<extra>click to filter</extra>";
        return new ChartFigure([bars], Plot.Layout(Plot.CategoryAxis(), Axis(label, values, metric, currency, numbers))) { XName = "Weekday" };
    }

    public static ChartFigure Categories(IReadOnlyList<CategoryPoint> data, string? currency, DisplayNumbers? numbers = null)
    {
        numbers ??= DisplayNumbers.Current;
        var bars = Plot.Bar($"Revenue ({currency})", Plot.Labels(data.Select(c => c.Category)), Plot.Values(data.Select(c => c.Revenue)),
            Plot.Colours(ChartPalette.Selection(data.Select(c => c.Selected).ToList())));
        bars.CustomData = Plot.Keys(data.Select(c => c.Category));
        bars.TextArray = data.Select(c =>
            $"Revenue: {numbers.Amount(c.Revenue, Plot.Label(currency))}<br>{numbers.Count(c.Orders)} orders, {numbers.Count(c.Units)} units").ToList();
        bars.HoverTemplate = "%{x}<br>%{text}<extra>click to filter</extra>";
        return new ChartFigure([bars], Plot.Layout(Plot.CategoryAxis(tickAngle: -35),
            Axis($"Revenue ({currency})", data.Select(c => (double)c.Revenue), OrderMetric.Revenue, currency, numbers), bottom: 90)) { XName = "Category" };
    }

    public static ChartFigure Months(IReadOnlyList<MonthPoint> data, string? currency, DisplayNumbers? numbers = null)
    {
        numbers ??= DisplayNumbers.Current;
        var x = Plot.Labels(data.Select(m => m.Start.ToString("MMM yyyy", Invariant) + (m.Partial ? "*" : "")));
        var days = data.Select(m => string.Create(Invariant, $"{m.Days} days{(m.Partial ? ", partial month" : "")}")).ToList();
        var aov = Plot.Bar("Average order value", x, Plot.Values(data.Select(m => m.AverageOrderValue)),
            Plot.Colours(data.Select(m => m.Partial ? ChartPalette.Partial : ChartPalette.Primary)));
        aov.TextArray = data.Select((m, i) => $"Average order value: {numbers.Amount(m.AverageOrderValue, Plot.Label(currency))}<br>{days[i]}").ToList();
        aov.HoverTemplate = "%{x}<br>%{text}<extra></extra>";
        var perDay = Plot.Line("Revenue per day", x, Plot.Values(data.Select(m => m.RevenuePerDay)), ChartPalette.Secondary, markers: true);
        perDay.YAxis = "y2";
        perDay.TextArray = data.Select((m, i) => $"Revenue per day: {numbers.Amount(m.RevenuePerDay, Plot.Label(currency))}<br>{days[i]}").ToList();
        perDay.HoverTemplate = "%{x}<br>%{text}<extra></extra>";
        var layout = Plot.Layout(Plot.CategoryAxis(),
            Axis($"AOV ({currency})", data.Select(m => (double)(m.AverageOrderValue ?? 0)), OrderMetric.Revenue, currency, numbers), legend: true, right: 56);
        var second = Axis("Revenue / day", data.Select(m => (double)m.RevenuePerDay), OrderMetric.Revenue, currency, numbers);
        second.Overlaying = "y";
        second.Side = SideEnum.Right;
        second.ShowGrid = false;
        layout.YAxis.Add(second);
        return new ChartFigure([aov, perDay], layout) { XName = "Month" };
    }
}
