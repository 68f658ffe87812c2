using PlotLayout = Plotly.Blazor.Layout;

namespace Dashboard.Web.Components.Charts;

/// <summary>The colours a chart takes from the page's theme: the card's surface, its text and its grid lines.</summary>
public static class ChartTheme
{
    private const string Fonts = "Roboto, Segoe UI, Helvetica Neue, Arial, sans-serif";

    /// <summary>Sets the theme's colours on <paramref name="layout"/> (solid, so a downloaded PNG looks like the screen).</summary>
    public static void Apply(PlotLayout layout, bool dark)
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
