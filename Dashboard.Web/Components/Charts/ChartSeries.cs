using Plotly.Blazor.Traces;
using Pattern = Plotly.Blazor.Traces.BarLib.MarkerLib.Pattern;
using PatternShape = Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib.ShapeEnum;
using ScatterMarker = Plotly.Blazor.Traces.ScatterLib.Marker;
using ScatterMode = Plotly.Blazor.Traces.ScatterLib.ModeFlag;
using Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// Two series of one chart differ by more than their colour (WCAG 1.4.1): the second and later bars of a chart get a hatching,
/// the second and later lines a dash, the second and later point clouds another marker. A series that already has its own keeps it.
/// </summary>
public static class ChartSeries
{
    private static readonly PatternShape[] Hatches = [PatternShape.Slash, PatternShape.Dot, PatternShape.X];
    private static readonly string[] Dashes = ["dash", "dot", "dashdot"];
    private static readonly Symbol[] Symbols = [Symbol.Diamond, Symbol.Square, Symbol.TriangleUp];

    public static void Distinguish(ChartFigure figure)
    {
        var (bars, lines, points) = (0, 0, 0);
        foreach (var trace in figure.Data)
        {
            switch (trace)
            {
                case Bar { Marker: { } marker } when bars++ > 0 && marker.Pattern is null:
                    marker.Pattern = new Pattern { Shape = Hatches[(bars - 2) % Hatches.Length], Solidity = 0.3m };
                    break;
                case Scatter { Line: { } line } scatter when (scatter.Mode ?? ScatterMode.Lines).HasFlag(ScatterMode.Lines):
                    if (lines++ > 0 && line.Dash is null)
                    {
                        line.Dash = Dashes[(lines - 2) % Dashes.Length];
                    }
                    break;
                case Scatter scatter when points++ > 0:
                    scatter.Marker ??= new ScatterMarker();
                    scatter.Marker.Symbol ??= Symbols[(points - 2) % Symbols.Length];
                    break;
            }
        }
    }
}
