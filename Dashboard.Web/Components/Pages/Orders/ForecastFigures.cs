using Dashboard.Core.Display;
using Dashboard.Core.Forecasting;
using Dashboard.Core.Orders;
using Dashboard.Web.Components.Charts;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Fill = Plotly.Blazor.Traces.ScatterLib.FillEnum;
using ScatterMarker = Plotly.Blazor.Traces.ScatterLib.Marker;
using ScatterMode = Plotly.Blazor.Traces.ScatterLib.ModeFlag;
using Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum;

namespace Dashboard.Web.Components.Pages.Orders;

/// <summary>
/// Draws the forecast on the orders-over-time chart (docs/decisions/0034-forecast-method-and-intervals.md): the 95% and 80%
/// bands as fills between their low and high ends, the expected values as a dashed line, and the anomalies as open circles on
/// the past values. Each is a named series, so the chart's data table lists the forecast, its bands and the anomalies.
/// The fills are faint, so each band's ends are drawn as thin lines in the forecast's colour (solid for 80%, dotted for
/// 95%), which, like the line and the circles, keep 3:1 against the chart's surface in both themes (WCAG 1.4.11; the
/// circles' red is swapped for a lighter one on the dark surface by <see cref="ChartTheme"/>).
/// </summary>
public static class ForecastFigures
{
    private const string Band95 = "rgba(239, 108, 0, 0.15)";
    private const string Band80 = "rgba(239, 108, 0, 0.30)";

    public static ChartFigure Overlay(ChartFigure figure, OrdersForecast forecast, IReadOnlyList<Anomaly> anomalies, OrderMetric metric,
        string? currency, DisplayNumbers? numbers = null)
    {
        numbers ??= DisplayNumbers.Current;
        string Full(double v) => metric == OrderMetric.Revenue ? numbers.Amount((decimal)v, Plot.Label(currency)) : numbers.Count((long)Math.Round(v));
        var traces = new List<ITrace>(figure.Data);
        if (forecast.Shown && forecast.Forecast.Count > 0)
        {
            var points = forecast.Forecast;
            var x = Plot.Dates(points.Select(p => p.Date));
            traces.Add(Edge("95% range, low", x, points.Select(p => p.Low95), null, Fill.None, "dot"));
            traces.Add(Edge("95% range, high", x, points.Select(p => p.High95), Band95, Fill.ToNextY, "dot"));
            traces.Add(Edge("80% range, low", x, points.Select(p => p.Low80), null, Fill.None, "solid"));
            traces.Add(Edge("80% range, high", x, points.Select(p => p.High80), Band80, Fill.ToNextY, "solid"));
            var line = Plot.Line("Forecast", x, Plot.Values(points.Select(p => p.Expected)), ChartPalette.Secondary, dash: "dash");
            line.TextArray = points.Select(p => $"expected {Full(p.Expected)}; 80%: {Full(p.Low80)}–{Full(p.High80)}; 95%: {Full(p.Low95)}–{Full(p.High95)}").ToList();
            line.HoverTemplate = "%{x|%a %d %b %Y}<br>Forecast: %{text}<extra></extra>";
            traces.Add(line);
        }
        if (anomalies.Count > 0)
        {
            var marks = new Scatter
            {
                Name = "Unusual",
                X = Plot.Dates(anomalies.Select(a => a.Date)),
                Y = Plot.Values(anomalies.Select(a => a.Value)),
                Mode = ScatterMode.Markers,
                Marker = new ScatterMarker { Color = ChartPalette.Down, Size = 11, Symbol = Symbol.CircleOpen, Line = new() { Width = 3, Color = ChartPalette.Down } },
                TextArray = anomalies.Select(a => $"unusual: {Full(a.Value)}, expected {Full(a.Low)}–{Full(a.High)}").ToList(),
                HoverTemplate = "%{x|%a %d %b %Y}<br>%{text}<extra></extra>",
            };
            traces.Add(marks);
        }
        var layout = figure.Layout;
        if (traces.Count > figure.Data.Count)
        {
            layout.ShowLegend = true;
        }
        return figure with { Data = traces, Layout = layout };
    }

    private static Scatter Edge(string name, IList<object> x, IEnumerable<double> y, string? fill, Fill mode, string dash) => new()
    {
        Name = Plot.Label(name),
        X = x,
        Y = Plot.Values(y),
        Mode = ScatterMode.Lines,
        Line = new Plotly.Blazor.Traces.ScatterLib.Line { Width = 1, Color = ChartPalette.Secondary, Dash = dash },
        Fill = mode,
        FillColor = fill,
        ShowLegend = mode == Fill.ToNextY,
        HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Skip,
    };
}
