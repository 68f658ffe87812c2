using System.Globalization;
using Dashboard.Core.Orders;
using Dashboard.Web.Components.Charts;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib.YAxisLib;

namespace Dashboard.Web.Components.Pages.Orders;

/// <summary>Turns the overview's query results into Plotly.Blazor figures (no numbers are computed here, only drawn).</summary>
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

    private static string HoverFormat(OrderMetric metric) => metric == OrderMetric.Revenue ? ",.2f" : ",d";

    public static ChartFigure OverTime(OrdersOverTime data, OrderMetric metric, string? currency)
    {
        var x = Plot.Dates(data.Points.Select(p => p.Start));
        var y = Plot.Values(data.Points.Select(p => Value(metric, p.Orders, p.Units, p.Revenue)));
        var unit = data.Grain switch { TimeGrain.Day => "day", TimeGrain.Week => "week", _ => "month" };
        var text = data.Points.Select(p => p.Partial ? $"partial {unit}" : "").ToList();
        var label = Plot.Label(MetricLabel(metric, currency));
        var hover = $"%{{x|{(data.Grain == TimeGrain.Month ? "%b %Y" : "%a %d %b %Y")}}}<br>{label}: %{{y:{HoverFormat(metric)}}} %{{text}}<extra></extra>";
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
        return new ChartFigure([trace], Plot.Layout(axis, Plot.ValueAxis(MetricLabel(metric, currency))))
        {
            XName = data.Grain switch { TimeGrain.Day => "Day", TimeGrain.Week => "Week starting", _ => "Month starting" },
        };
    }

    public static ChartFigure Weekdays(IReadOnlyList<WeekdayPoint> data, OrderMetric metric, string? currency)
    {
        var label = MetricLabel(metric, currency);
        var bars = Plot.Bar(label, Plot.Labels(data.Select(d => d.Name[..3])),
            Plot.Values(data.Select(d => Value(metric, d.Orders, d.Units, d.Revenue))),
            Plot.Colours(ChartPalette.Selection(data.Select(d => d.Selected).ToList())));
        bars.CustomData = Plot.Keys(data.Select(d => OrderFilter.WeekdayKeyOf(d.Day)));
        bars.HoverTemplate = $"%{{x}}<br>{Plot.Label(label)}: %{{y:{HoverFormat(metric)}}}<extra>click to filter</extra>";
        return new ChartFigure([bars], Plot.Layout(Plot.CategoryAxis(), Plot.ValueAxis(label))) { XName = "Weekday" };
    }

    public static ChartFigure Categories(IReadOnlyList<CategoryPoint> data, string? currency)
    {
        var bars = Plot.Bar($"Revenue ({currency})", Plot.Labels(data.Select(c => c.Category)), Plot.Values(data.Select(c => c.Revenue)),
            Plot.Colours(ChartPalette.Selection(data.Select(c => c.Selected).ToList())));
        bars.CustomData = Plot.Keys(data.Select(c => c.Category));
        bars.TextArray = data.Select(c => string.Create(Invariant, $"{c.Orders:N0} orders, {c.Units:N0} units")).ToList();
        bars.HoverTemplate = $"%{{x}}<br>Revenue: {Plot.Label(currency)} %{{y:,.2f}}<br>%{{text}}<extra>click to filter</extra>";
        return new ChartFigure([bars], Plot.Layout(Plot.CategoryAxis(tickAngle: -35), Plot.ValueAxis($"Revenue ({currency})"), bottom: 90)) { XName = "Category" };
    }

    public static ChartFigure Months(IReadOnlyList<MonthPoint> data, string? currency)
    {
        var x = Plot.Labels(data.Select(m => m.Start.ToString("MMM yyyy", Invariant) + (m.Partial ? "*" : "")));
        var days = data.Select(m => string.Create(Invariant, $"{m.Days} days{(m.Partial ? ", partial month" : "")}")).ToList();
        var aov = Plot.Bar("Average order value", x, Plot.Values(data.Select(m => m.AverageOrderValue)),
            Plot.Colours(data.Select(m => m.Partial ? ChartPalette.Partial : ChartPalette.Primary)));
        aov.TextArray = days;
        aov.HoverTemplate = $"%{{x}}<br>Average order value: {Plot.Label(currency)} %{{y:,.2f}}<br>%{{text}}<extra></extra>";
        var perDay = Plot.Line("Revenue per day", x, Plot.Values(data.Select(m => m.RevenuePerDay)), ChartPalette.Secondary, markers: true);
        perDay.YAxis = "y2";
        perDay.TextArray = days;
        perDay.HoverTemplate = $"%{{x}}<br>Revenue per day: {Plot.Label(currency)} %{{y:,.2f}}<br>%{{text}}<extra></extra>";
        var layout = Plot.Layout(Plot.CategoryAxis(), Plot.ValueAxis($"AOV ({currency})"), legend: true, right: 56);
        var second = Plot.ValueAxis("Revenue / day");
        second.Overlaying = "y";
        second.Side = SideEnum.Right;
        second.ShowGrid = false;
        layout.YAxis.Add(second);
        return new ChartFigure([aov, perDay], layout) { XName = "Month" };
    }
}
