using Plotly.Blazor.Traces;
using PlotLayout = Plotly.Blazor.Layout;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// The colours a chart takes from the page's theme: the card's surface, its text, its grid lines, and the bars' selection
/// colours (<see cref="ChartPalette"/>'s light and dark pairs), on bars and on the markers of scatter traces (the forecast's
/// anomaly circles: the light theme's red is under 3:1 on the dark surface).
/// </summary>
public static class ChartTheme
{
    private static readonly (string Light, string Dark)[] Pairs =
    [
        (ChartPalette.Selected, ChartPalette.SelectedDark),
        (ChartPalette.Muted, ChartPalette.MutedDark),
        (ChartPalette.Partial, ChartPalette.PartialDark),
        (ChartPalette.Up, ChartPalette.UpDark),
        (ChartPalette.Down, ChartPalette.DownDark),
    ];

    /// <summary>Sets the theme's colours on the figure's layout and bars (either way: a figure can change theme again).</summary>
    public static void Apply(ChartFigure figure, bool dark)
    {
        Apply(figure.Layout, dark);
        foreach (var trace in figure.Data)
        {
            if (trace is Scatter { Marker: { } dot })
            {
                dot.Color = dot.Color is string c ? ForTheme(c, dark) : dot.Color;
                dot.Line?.Color = dot.Line.Color is string l ? ForTheme(l, dark) : dot.Line.Color;
                continue;
            }
            if (trace is not Bar { Marker: { } marker })
            {
                continue;
            }
            if (marker.Color is string colour)
            {
                marker.Color = ForTheme(colour, dark);
            }
            if (marker.ColorArray is { } colours)
            {
                for (var i = 0; i < colours.Count; i++)
                {
                    if (colours[i] is string c)
                    {
                        colours[i] = ForTheme(c, dark);
                    }
                }
            }
        }
    }

    /// <summary>The colour of a pair for the theme; any other colour as it is.</summary>
    public static string ForTheme(string colour, bool dark)
    {
        foreach (var (light, darkColour) in Pairs)
        {
            if (colour == (dark ? light : darkColour))
            {
                return dark ? darkColour : light;
            }
        }
        return colour;
    }

    private const string Fonts = "Roboto, Segoe UI, Helvetica Neue, Arial, sans-serif";

    /// <summary>Sets the theme's colours on <paramref name="layout"/> (solid, so a downloaded PNG looks like the screen).</summary>
    private static void Apply(PlotLayout layout, bool dark)
    {
        var surface = dark ? "#1b2129" : "#ffffff";
        var text = dark ? "#e3e8ef" : "#2a3441";
        var grid = dark ? "#343d4a" : "#e6eaf0";
        layout.PaperBgColor = surface;
        layout.PlotBgColor = surface;
        layout.Font = new Plotly.Blazor.LayoutLib.Font { Color = text, Family = Fonts, Size = 12 };
        foreach (var axis in layout.XAxis ?? [])
        {
            axis.GridColor = grid;
            axis.LineColor = grid;
            axis.ZeroLineColor = grid;
        }
        foreach (var axis in layout.YAxis ?? [])
        {
            axis.GridColor = grid;
            axis.LineColor = grid;
            axis.ZeroLineColor = grid;
        }
    }
}
