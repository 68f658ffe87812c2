namespace Dashboard.Web.Components.Charts;

/// <summary>A click on a bar or point: the trace, the point's index and the value the figure attached to it
/// (the trace's <c>CustomData</c> at that index, e.g. the category a bar stands for).</summary>
public sealed record ChartClick(int Trace, int Point, string? Value);
