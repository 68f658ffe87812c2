using Plotly.Blazor;
using PlotLayout = Plotly.Blazor.Layout;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// What a chart card draws: Plotly.Blazor's own traces and layout, built by a page's figure class when its data
/// changes. A new instance means new data: the card then calls <c>React</c>. A figure is never changed in place, but for
/// the theme's colours, which the card sets (<see cref="ChartTheme"/>).
/// </summary>
public sealed record ChartFigure(IList<ITrace> Data, PlotLayout Layout)
{
    /// <summary>The heading of the data table's first column (what the x values are). Default: the x axis' title, or "Date"/"Value".</summary>
    public string? XName { get; init; }

    /// <summary>The timeline's events drawn on the chart (<see cref="ChartEvents"/>), listed in its data table. Default: none.</summary>
    public IReadOnlyList<ChartEvent> Events { get; init; } = [];
}
