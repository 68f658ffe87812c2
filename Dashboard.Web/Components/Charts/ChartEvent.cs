namespace Dashboard.Web.Components.Charts;

/// <summary>
/// An event as a chart draws it: a line at <paramref name="X0"/> when it is one day (<paramref name="X0"/> equals
/// <paramref name="X1"/>), else a shaded span from <paramref name="X0"/> to <paramref name="X1"/>; listed in the data table
/// on the rows whose x value (as the trace holds it) is in <paramref name="Rows"/>. <paramref name="Label"/> is plain text.
/// </summary>
public sealed record ChartEvent(string Label, object X0, object X1, IReadOnlyCollection<string> Rows)
{
    public bool IsOneDay => Equals(X0, X1);
}
