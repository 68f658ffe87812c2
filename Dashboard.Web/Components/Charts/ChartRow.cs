namespace Dashboard.Web.Components.Charts;

/// <summary>
/// One row of a <see cref="ChartTable"/>: the x value as text, the value a click on its bar hands back (<see cref="ChartClick.Value"/>,
/// null when the chart filters nothing), whether its bar is selected, and one cell per column after the first.
/// </summary>
public sealed record ChartRow(int Index, string Label, string? Key, bool Selected, IReadOnlyList<string> Cells);
