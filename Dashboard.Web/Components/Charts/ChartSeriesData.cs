namespace Dashboard.Web.Components.Charts;

/// <summary>One trace of a figure as <see cref="ChartData"/> reads it: its name, x values, numbers, hover texts, the values a click
/// hands back, and its bars' colours.</summary>
internal sealed record ChartSeriesData(string Name, IList<object> X, IList<double?> Y, IList<string>? Details, IList<object>? Keys,
    IList<object>? Colours, string? YAxis);
