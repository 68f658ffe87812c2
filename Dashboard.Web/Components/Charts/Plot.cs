using System.Globalization;
using Plotly.Blazor.LayoutLib;
using PlotLayout = Plotly.Blazor.Layout;
using Plotly.Blazor.Traces;
using BarMarker = Plotly.Blazor.Traces.BarLib.Marker;
using ScatterLine = Plotly.Blazor.Traces.ScatterLib.Line;
using ScatterMode = Plotly.Blazor.Traces.ScatterLib.ModeFlag;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// Small factories for the Plotly.Blazor traces and layouts the figure classes draw, so that every chart reads the
/// same way. Every text that comes from the data (a category, a state, a city) goes through <see cref="Label"/>:
/// plotly.js reads <c>&lt;b&gt;</c>, <c>&lt;br&gt;</c>, <c>&lt;a href&gt;</c> and styles in tick, legend and hover
/// texts as markup, so an uploaded category must reach it as text, not as a link.
/// </summary>
public static class Plot
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Data-derived text as plotly shows it literally. plotly.js (3.7, <c>svg_text_utils</c>) splits a label at anything
    /// shaped <c>&lt;…&gt;</c> and reads <c>b</c>, <c>i</c>, <c>a</c>, <c>span</c>, <c>br</c> and a few more as markup; in the
    /// text between, it turns numeric entities and only <c>&amp;amp;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c>,
    /// <c>&amp;nbsp;</c>, <c>&amp;mu;</c>, <c>&amp;times;</c>, <c>&amp;plusmn;</c> and <c>&amp;deg;</c> back into
    /// characters. So <c>&amp;</c> and <c>&lt;</c> (and <c>&gt;</c>, for symmetry) are escaped, and nothing else: an
    /// HTML encoder's <c>&amp;quot;</c> would show as written, and non-Latin text needs no escaping.
    /// </summary>
    public static string Label(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static IList<object> Labels(IEnumerable<string> texts) => texts.Select(t => (object)Label(t)).ToList();

    public static IList<string> Texts(IEnumerable<string> texts) => texts.Select(Label).ToList();

    public static IList<object> Values(IEnumerable<double> values) => values.Select(v => (object)v).ToList();

    public static IList<object> Values(IEnumerable<decimal> values) => values.Select(v => (object)v).ToList();

    /// <summary>Missing values stay gaps (null), not zeros.</summary>
    public static IList<object> Values(IEnumerable<decimal?> values) => values.Select(v => v is { } d ? (object)d : null!).ToList();

    public static IList<object> Values(IEnumerable<long> values) => values.Select(v => (object)v).ToList();

    /// <summary>The values handed back on a click (<see cref="ChartClick.Value"/>), kept as the data has them.</summary>
    public static IList<object> Keys(IEnumerable<string> keys) => keys.Select(k => (object)k).ToList();

    public static IList<object> Dates(IEnumerable<DateOnly> dates) => dates.Select(d => (object)d.ToString("yyyy-MM-dd", Invariant)).ToList();

    public static IList<object> Colours(IEnumerable<string> colours) => colours.Select(c => (object)c).ToList();

    public static Bar Bar(string name, IList<object> x, IList<object> y, string colour) => new()
    {
        Name = Label(name), X = x, Y = y, Marker = new BarMarker { Color = colour },
        TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.None,
    };

    public static Bar Bar(string name, IList<object> x, IList<object> y, IList<object> colours) => new()
    {
        Name = Label(name), X = x, Y = y, Marker = new BarMarker { ColorArray = colours },
        TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.None,
    };

    public static Scatter Line(string name, IList<object> x, IList<object> y, string colour, bool markers = false, string? dash = null, decimal width = 2) => new()
    {
        Name = Label(name), X = x, Y = y, Mode = markers ? ScatterMode.Lines | ScatterMode.Markers : ScatterMode.Lines,
        Line = new ScatterLine { Color = colour, Width = width, Dash = dash },
    };

    public static Scatter Points(string name, IList<object> x, IList<object> y, string colour, decimal opacity = 1) => new()
    {
        Name = Label(name), X = x, Y = y, Mode = ScatterMode.Markers, Opacity = opacity,
        Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Color = colour, Size = 5 },
    };

    /// <summary>A layout with the house margins, no zoom (touch scrolling stays with the page) and a legend below.</summary>
    public static PlotLayout Layout(XAxis x, YAxis y, bool legend = false, decimal bottom = 48, decimal right = 16, decimal top = 16) => new()
    {
        XAxis = [x],
        YAxis = [y],
        ShowLegend = legend,
        Legend = legend ? [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.2m }] : null,
        Margin = new Margin { L = 56, R = right, T = top, B = bottom },
        AutoSize = true,
        HoverMode = HoverModeEnum.Closest,
    };

    public static XAxis CategoryAxis(decimal? tickAngle = null) => new()
    {
        Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category, TickAngle = tickAngle, FixedRange = true,
        AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True,
    };

    public static XAxis DateAxis() => new()
    {
        Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date, FixedRange = true,
        AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True,
    };

    public static XAxis LinearAxis(string title, string? tickFormat = null) => new()
    {
        Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Linear, FixedRange = true, TickFormat = tickFormat,
        Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = Label(title) },
        AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True,
    };

    public static YAxis ValueAxis(string title, string? tickFormat = null, bool fromZero = true) => new()
    {
        Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = Label(title) },
        RangeMode = fromZero ? Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero : null,
        TickFormat = tickFormat, FixedRange = true,
        AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True,
    };
}
