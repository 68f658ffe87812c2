namespace Dashboard.Web.Components.Charts;

/// <summary>A chart's numbers as a table (<see cref="ChartData.Table"/>): a header per column and a row per x value.</summary>
public sealed record ChartTable(IReadOnlyList<string> Columns, IReadOnlyList<ChartRow> Rows, int AllRows);
