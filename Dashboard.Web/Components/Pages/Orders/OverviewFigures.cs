using System.Globalization;
using Dashboard.Core.Analytics.Orders;
using Dashboard.Web.Components.Charts;

namespace Dashboard.Web.Components.Pages.Orders;

/// <summary>Turns the overview's query results into plotly figures (no numbers are computed here, only drawn).</summary>
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

    public static PlotlyFigure OverTime(OrdersOverTime data, OrderMetric metric, string? currency)
    {
        var x = data.Points.Select(p => p.Start.ToString("yyyy-MM-dd", Invariant)).ToList();
        var y = data.Points.Select(p => (double?)Value(metric, p.Orders, p.Units, p.Revenue)).ToList();
        var unit = data.Grain switch { TimeGrain.Day => "day", TimeGrain.Week => "week", _ => "month" };
        var text = data.Points.Select(p => p.Partial ? $"partial {unit}" : "").ToList();
        var label = MetricLabel(metric, currency);
        var hover = $"%{{x|{(data.Grain == TimeGrain.Month ? "%b %Y" : "%a %d %b %Y")}}}<br>{label}: %{{y:{HoverFormat(metric)}}} %{{text}}<extra></extra>";
        var trace = data.Grain == TimeGrain.Day
            ? new PlotlyTrace
            {
                Type = "scatter", Mode = "lines", Name = label, X = x, Y = y, Text = text, HoverTemplate = hover,
                Line = new PlotlyLine { Color = ChartPalette.Primary, Width = 2 },
            }
            : new PlotlyTrace
            {
                Type = "bar", Name = label, X = x, Y = y, Text = text, TextPosition = "none", HoverTemplate = hover,
                Marker = new PlotlyMarker { Color = data.Points.Select(p => p.Partial ? ChartPalette.Partial : ChartPalette.Primary).ToList() },
            };
        return new PlotlyFigure([trace], new PlotlyLayout
        {
            XAxis = new PlotlyAxis { Type = "date" },
            YAxis = new PlotlyAxis { RangeMode = "tozero", Title = new PlotlyTitle(label) },
            ShowLegend = false,
            HoverMode = "closest",
        });
    }

    public static PlotlyFigure Weekdays(IReadOnlyList<WeekdayPoint> data, OrderMetric metric, string? currency)
    {
        var label = MetricLabel(metric, currency);
        return new PlotlyFigure(
            [new PlotlyTrace
            {
                Type = "bar", Name = label,
                X = data.Select(d => d.Name[..3]).ToList(),
                Y = data.Select(d => (double?)Value(metric, d.Orders, d.Units, d.Revenue)).ToList(),
                CustomData = data.Select(d => OrderFilter.WeekdayKeyOf(d.Day)).ToList(),
                HoverTemplate = $"%{{x}}<br>{label}: %{{y:{HoverFormat(metric)}}}<extra>click to filter</extra>",
                Marker = new PlotlyMarker { Color = ChartPalette.Selection(data.Select(d => d.Selected).ToList()) },
            }],
            new PlotlyLayout
            {
                XAxis = new PlotlyAxis { Type = "category" },
                YAxis = new PlotlyAxis { RangeMode = "tozero", Title = new PlotlyTitle(label) },
                ShowLegend = false,
            });
    }

    public static PlotlyFigure Categories(IReadOnlyList<CategoryPoint> data, string? currency) => new(
        [new PlotlyTrace
        {
            Type = "bar", Name = $"Revenue ({currency})",
            X = data.Select(c => c.Category).ToList(),
            Y = data.Select(c => (double?)c.Revenue).ToList(),
            CustomData = data.Select(c => c.Category).ToList(),
            Text = data.Select(c => string.Create(Invariant, $"{c.Orders:N0} orders, {c.Units:N0} units")).ToList(),
            TextPosition = "none",
            HoverTemplate = $"%{{x}}<br>Revenue: {currency} %{{y:,.2f}}<br>%{{text}}<extra>click to filter</extra>",
            Marker = new PlotlyMarker { Color = ChartPalette.Selection(data.Select(c => c.Selected).ToList()) },
        }],
        new PlotlyLayout
        {
            XAxis = new PlotlyAxis { Type = "category", TickAngle = -35 },
            YAxis = new PlotlyAxis { RangeMode = "tozero", Title = new PlotlyTitle($"Revenue ({currency})") },
            ShowLegend = false,
            Margin = new PlotlyMargin(B: 90),
        });

    public static PlotlyFigure Months(IReadOnlyList<MonthPoint> data, string? currency)
    {
        var x = data.Select(m => m.Start.ToString("MMM yyyy", Invariant) + (m.Partial ? "*" : "")).ToList();
        var days = data.Select(m => string.Create(Invariant, $"{m.Days} days{(m.Partial ? ", partial month" : "")}")).ToList();
        return new PlotlyFigure(
            [
                new PlotlyTrace
                {
                    Type = "bar", Name = "Average order value", X = x,
                    Y = data.Select(m => (double?)m.AverageOrderValue).ToList(),
                    Text = days, TextPosition = "none",
                    HoverTemplate = $"%{{x}}<br>Average order value: {currency} %{{y:,.2f}}<br>%{{text}}<extra></extra>",
                    Marker = new PlotlyMarker { Color = data.Select(m => m.Partial ? ChartPalette.Partial : ChartPalette.Primary).ToList() },
                },
                new PlotlyTrace
                {
                    Type = "scatter", Mode = "lines+markers", Name = "Revenue per day", X = x, YAxis = "y2",
                    Y = data.Select(m => (double?)m.RevenuePerDay).ToList(),
                    Text = days,
                    HoverTemplate = $"%{{x}}<br>Revenue per day: {currency} %{{y:,.2f}}<br>%{{text}}<extra></extra>",
                    Line = new PlotlyLine { Color = ChartPalette.Secondary, Width = 2 },
                },
            ],
            new PlotlyLayout
            {
                XAxis = new PlotlyAxis { Type = "category" },
                YAxis = new PlotlyAxis { RangeMode = "tozero", Title = new PlotlyTitle($"AOV ({currency})") },
                YAxis2 = new PlotlyAxis { RangeMode = "tozero", Overlaying = "y", Side = "right", ShowGrid = false, Title = new PlotlyTitle("Revenue / day") },
                ShowLegend = true,
                Legend = new PlotlyLegend(),
                Margin = new PlotlyMargin(R: 56),
            });
    }
}
