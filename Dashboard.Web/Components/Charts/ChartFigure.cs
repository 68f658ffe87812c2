using Plotly.Blazor;
using PlotLayout = Plotly.Blazor.Layout;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// What a chart card draws: Plotly.Blazor's own traces and layout, built by a page's figure class when its data
/// changes. A new instance means new data: the card then calls <c>React</c>. A figure is never changed in place, but for
/// the theme's colours, which the card sets (<see cref="ChartTheme"/>).
/// </summary>
public sealed record ChartFigure(IList<ITrace> Data, PlotLayout Layout);

/// <summary>A click on a bar or point: the trace, the point's index and the value the figure attached to it
/// (the trace's <c>CustomData</c> at that index, e.g. the category a bar stands for).</summary>
public sealed record ChartClick(int Trace, int Point, string? Value);
