using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// A plotly.js figure: traces and layout, as typed records. Serialised by <see cref="PlotlyJson"/> with every
/// property name lower-cased (plotly's attribute names are all lower case: <c>hovertemplate</c>, <c>customdata</c>,
/// <c>barmode</c>, <c>yaxis2</c>) and nulls left out, so only what is set reaches plotly.
/// </summary>
public sealed record PlotlyFigure(IReadOnlyList<PlotlyTrace> Data, PlotlyLayout Layout);

public sealed record PlotlyTrace
{
    /// <summary><c>bar</c> or <c>scatter</c>.</summary>
    public required string Type { get; init; }
    public string? Name { get; init; }
    /// <summary>For scatter: <c>lines</c>, <c>markers</c>, <c>lines+markers</c>.</summary>
    public string? Mode { get; init; }
    /// <summary>Category labels, ISO dates or numbers as text; plotly infers the axis type.</summary>
    public IReadOnlyList<string>? X { get; init; }
    public IReadOnlyList<double?>? Y { get; init; }
    /// <summary>One value per point, handed back to .NET on click (e.g. the category a bar stands for).</summary>
    public IReadOnlyList<string>? CustomData { get; init; }
    public IReadOnlyList<string>? Text { get; init; }
    public string? TextPosition { get; init; }
    public string? HoverTemplate { get; init; }
    public PlotlyMarker? Marker { get; init; }
    public PlotlyLine? Line { get; init; }
    /// <summary><c>y2</c> to plot against the second y axis.</summary>
    public string? YAxis { get; init; }
    /// <summary>Bar width in x units (histograms).</summary>
    public double? Width { get; init; }
    public double? Opacity { get; init; }
}

public sealed record PlotlyMarker
{
    /// <summary>One colour per point.</summary>
    public IReadOnlyList<string>? Color { get; init; }
    public PlotlyLine? Line { get; init; }
}

public sealed record PlotlyLine
{
    public string? Color { get; init; }
    public double? Width { get; init; }
    /// <summary><c>solid</c>, <c>dot</c>, <c>dash</c>.</summary>
    public string? Dash { get; init; }
}

public sealed record PlotlyLayout
{
    public double? Height { get; init; }
    public PlotlyMargin? Margin { get; init; } = new();
    public PlotlyAxis? XAxis { get; init; }
    public PlotlyAxis? YAxis { get; init; }
    public PlotlyAxis? YAxis2 { get; init; }
    /// <summary><c>group</c>, <c>stack</c>, <c>overlay</c>.</summary>
    public string? BarMode { get; init; }
    public double? BarGap { get; init; }
    public bool? ShowLegend { get; init; }
    public PlotlyLegend? Legend { get; init; }
    /// <summary><c>closest</c>, <c>x</c>, <c>x unified</c>.</summary>
    public string? HoverMode { get; init; }
    public IReadOnlyList<PlotlyShape>? Shapes { get; init; }
    public IReadOnlyList<PlotlyAnnotation>? Annotations { get; init; }
    public bool? Autosize { get; init; } = true;
    public PlotlyFont? Font { get; init; } = new();
    public string? PaperBgColor { get; init; } = "#ffffff";
    public string? PlotBgColor { get; init; } = "#ffffff";
}

public sealed record PlotlyMargin(double L = 48, double R = 16, double T = 16, double B = 48);

public sealed record PlotlyFont(string Family = "Roboto, Helvetica Neue, Arial, sans-serif", double Size = 12);

public sealed record PlotlyTitle(string Text);

public sealed record PlotlyAxis
{
    public PlotlyTitle? Title { get; init; }
    /// <summary><c>category</c>, <c>date</c>, <c>linear</c>; null: inferred.</summary>
    public string? Type { get; init; }
    public string? TickFormat { get; init; }
    public string? HoverFormat { get; init; }
    public string? TickPrefix { get; init; }
    /// <summary><c>tozero</c> to start bars at zero.</summary>
    public string? RangeMode { get; init; }
    public bool? AutoMargin { get; init; } = true;
    /// <summary><c>y</c> for a second axis drawn over the first.</summary>
    public string? Overlaying { get; init; }
    public string? Side { get; init; }
    public bool? ShowGrid { get; init; }
    /// <summary>True: no zoom or pan on this axis (keeps touch scrolling on phones).</summary>
    public bool? FixedRange { get; init; } = true;
    public double? TickAngle { get; init; }
    /// <summary>Category order, e.g. <c>array</c> with <see cref="CategoryArray"/>.</summary>
    public string? CategoryOrder { get; init; }
    public IReadOnlyList<string>? CategoryArray { get; init; }
}

public sealed record PlotlyLegend
{
    /// <summary><c>h</c> or <c>v</c>.</summary>
    public string? Orientation { get; init; } = "h";
    public double? Y { get; init; } = -0.2;
}

/// <summary>A line or rectangle drawn over the plot (e.g. a quantile marker).</summary>
public sealed record PlotlyShape
{
    public string Type { get; init; } = "line";
    public string XRef { get; init; } = "x";
    public string YRef { get; init; } = "paper";
    public double X0 { get; init; }
    public double X1 { get; init; }
    public double Y0 { get; init; }
    public double Y1 { get; init; } = 1;
    public PlotlyLine? Line { get; init; }
}

public sealed record PlotlyAnnotation
{
    public required string Text { get; init; }
    public double X { get; init; }
    public double Y { get; init; } = 1;
    public string XRef { get; init; } = "x";
    public string YRef { get; init; } = "paper";
    public bool ShowArrow { get; init; }
    public string? YAnchor { get; init; } = "bottom";
    public PlotlyFont? Font { get; init; }
}

/// <summary>A click on a point of a chart, as plotly reports it.</summary>
public sealed record PlotlyPointClick(int CurveNumber, int PointIndex, string? X, string? CustomData);

/// <summary>Serialises figures the way plotly.js reads them.</summary>
public static class PlotlyJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = new LowerCasePolicy(),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(PlotlyFigure figure) => JsonSerializer.Serialize(figure, Options);

    private sealed class LowerCasePolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
