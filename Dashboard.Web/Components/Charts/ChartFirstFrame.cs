using System.Globalization;
using System.Net;
using System.Text;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor.Traces;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// A chart's first frame, drawn on the server as SVG from the same figure plotly will draw: a bar per value of each bar
/// trace, a line (or dots) per scatter trace, the y axis' range and the first and last x labels, in the theme's colours.
/// It comes with the prerendered HTML, so the page paints its charts without waiting for plotly.js, which is loaded only
/// once the reader turns to the page (docs/decisions/0007-plotly-basic-bundle.md). Values stand in the order plotly draws
/// them, each x value at its own slot (dates as evenly spaced categories: a sketch, not the chart).
/// </summary>
public static class ChartFirstFrame
{
    /// <summary>The drawing's size in SVG units; the element scales it to the card (320 px high, as the plotly chart).</summary>
    public const int Width = 560, Height = 320;

    /// <summary>The most dots a markers-only trace draws (a residual scatter has thousands; its table and summary have them all).</summary>
    public const int MaxDots = 400;

    private const double Left = 56, Right = 12, Top = 14, Bottom = 44;
    private static readonly string[] Colourway = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];

    /// <summary>The SVG's inner markup (shapes and labels) for <paramref name="figure"/>.</summary>
    public static MarkupString Draw(ChartFigure figure)
    {
        var traces = figure.Data.Where(t => t is Bar or Scatter).ToList();
        var series = ChartData.Series(figure);
        var slots = Slots(series);
        var values = series.SelectMany(s => s.Y).OfType<double>().ToList();
        var text = figure.Layout.Font?.Color as string ?? "#2a3441";
        var grid = figure.Layout.YAxis?.FirstOrDefault()?.GridColor as string ?? "#e6eaf0";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"{Html(figure.Layout.PaperBgColor as string ?? "#ffffff")}\"/>");
        if (values.Count == 0 || slots.Count == 0)
        {
            return new MarkupString(svg.ToString());
        }
        var low = Math.Min(0, values.Min());
        var high = Math.Max(values.Max(), low + 1e-9);
        double Y(double v) => Top + (Height - Top - Bottom) * (1 - (v - low) / (high - low));
        var slot = (Width - Left - Right) / slots.Count;
        double X(int i) => Left + slot * (i + 0.5);
        Axes(svg, figure, series, slots, low, high, Y, X, text, grid);

        var bars = traces.Select((t, i) => (t, i)).Where(p => p.t is Bar).Select(p => p.i).ToList();
        for (var t = 0; t < traces.Count; t++)
        {
            var s = series[t];
            if (traces[t] is Bar bar)
            {
                var width = slot * 0.8 / bars.Count;
                var offset = -slot * 0.4 + width * bars.IndexOf(t);
                foreach (var (i, v) in Points(s, slots))
                {
                    var colour = s.Colours is { } cs && i.Index < cs.Count && cs[i.Index] is string c ? c : bar.Marker?.Color as string ?? Colourway[t % Colourway.Length];
                    var (y0, y1) = (Y(Math.Max(0, low)), Y(v));
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<rect data-bar x=\"{X(i.Slot) + offset:0.#}\" y=\"{Math.Min(y0, y1):0.#}\" width=\"{width:0.##}\" height=\"{Math.Abs(y0 - y1):0.#}\" fill=\"{Html(colour)}\"/>");
                }
            }
            else if (traces[t] is Scatter scatter)
            {
                var colour = scatter.Line?.Color as string ?? scatter.Marker?.Color as string ?? Colourway[t % Colourway.Length];
                var points = Points(s, slots).ToList();
                if (scatter.Mode is { } mode && !mode.HasFlag(Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines))
                {
                    foreach (var (i, v) in points.Take(MaxDots))
                    {
                        svg.Append(CultureInfo.InvariantCulture, $"<circle data-dot cx=\"{X(i.Slot):0.#}\" cy=\"{Y(v):0.#}\" r=\"2.5\" fill=\"{Html(colour)}\"/>");
                    }
                    continue;
                }
                var line = string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.At.Slot):0.#},{Y(p.Value):0.#}")));
                svg.Append(CultureInfo.InvariantCulture,
                    $"<polyline data-line points=\"{line}\" fill=\"none\" stroke=\"{Html(colour)}\" stroke-width=\"{scatter.Line?.Width ?? 2}\"/>");
            }
        }
        return new MarkupString(svg.ToString());
    }

    // The x values in the order first drawn (as the data table's rows): each takes one slot.
    private static Dictionary<string, int> Slots(List<ChartSeriesData> series)
    {
        var slots = new Dictionary<string, int>();
        foreach (var x in series.SelectMany(s => s.X))
        {
            slots.TryAdd(Key(x), slots.Count);
        }
        return slots;
    }

    private static IEnumerable<((int Index, int Slot) At, double Value)> Points(ChartSeriesData s, Dictionary<string, int> slots) =>
        s.Y.Select((v, i) => (v, i)).Where(p => p.v is not null && p.i < s.X.Count).Select(p => ((p.i, slots[Key(s.X[p.i])]), p.v!.Value));

    private static void Axes(StringBuilder svg, ChartFigure figure, List<ChartSeriesData> series, Dictionary<string, int> slots, double low, double high,
        Func<double, double> y, Func<int, double> x, string text, string grid)
    {
        var format = ChartData.FormatOf(figure, series[0]);
        foreach (var v in new[] { low, (low + high) / 2, high }.Distinct())
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y(v):0.#}\" y2=\"{y(v):0.#}\" stroke=\"{Html(grid)}\"/>" +
                $"<text x=\"{Left - 6}\" y=\"{y(v) + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Html(text)}\">{Html(Text.Number(v, format == "P1" ? "P0" : format))}</text>");
        }
        var dates = ChartData.IsDateAxis(figure);
        var labels = series.SelectMany(s => s.X).DistinctBy(Key).Select(v => ChartData.XText(v, dates)).ToList();
        var shown = labels.Count <= 6 ? Enumerable.Range(0, labels.Count) : [0, labels.Count - 1];
        foreach (var i in shown)
        {
            var label = labels[i].Length > 14 ? labels[i][..13] + "…" : labels[i];
            var anchor = labels.Count > 6 ? (i == 0 ? "start" : "end") : "middle";
            var at = labels.Count > 6 ? (i == 0 ? Left : Width - Right) : x(i);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{at:0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"{anchor}\" font-size=\"12\" fill=\"{Html(text)}\">{Html(label)}</text>");
        }
    }

    private static string Key(object? x) => Convert.ToString(x, CultureInfo.InvariantCulture) ?? "";

    /// <summary>Text and attribute values alike: HTML-encoded (a category may hold markup).</summary>
    private static string Html(string s) => WebUtility.HtmlEncode(s);
}
