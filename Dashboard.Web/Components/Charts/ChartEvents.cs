using System.Globalization;
using Dashboard.Core.Events;
using Plotly.Blazor.LayoutLib;
using ShapeLine = Plotly.Blazor.LayoutLib.ShapeLib.Line;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// Draws the timeline's events on a time chart (docs/decisions/0033-timeline-events.md): a dashed line for a one-day event,
/// a shaded span for a range, each labelled at the top of the plot in the theme's text colour (the layout's font, which
/// <see cref="ChartTheme"/> sets), and listed in the chart's data table.
/// </summary>
public static class ChartEvents
{
    /// <summary>
    /// Grey that keeps 3:1 against both themes' surfaces (WCAG 1.4.11); the span's fill is the same grey, faint, so its edges
    /// are drawn in it too (a thin dashed line).
    /// </summary>
    private const string Colour = ChartPalette.Tertiary;
    private const string Fill = "rgba(123,135,148,0.22)";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// On a date axis whose points start at <paramref name="starts"/> (days, weeks or months, in order): an event is listed
    /// on each point whose period (up to the next point's start) it overlaps.
    /// </summary>
    public static ChartFigure OnDates(ChartFigure figure, IEnumerable<TimelineEvent> events, IReadOnlyList<DateOnly> starts)
    {
        var drawn = events.Select(e =>
        {
            var rows = starts.Where((s, i) => s <= e.End && (i + 1 < starts.Count ? starts[i + 1] : s.AddDays(1)) > e.Start)
                .Select(Key).ToList();
            return e.IsSingleDay
                ? new ChartEvent(e.Label, Key(e.Start), Key(e.Start), rows)
                : new ChartEvent(e.Label, Key(e.Start) + " 00:00", e.End.AddDays(1).ToString("yyyy-MM-dd", Invariant) + " 00:00", rows);
        }).ToList();
        return Draw(figure, drawn);
    }

    /// <summary>On a category axis of days (<paramref name="days"/>, drawn as <paramref name="x"/>): the span covers the event's bars.</summary>
    public static ChartFigure OnDays(ChartFigure figure, IEnumerable<TimelineEvent> events, IReadOnlyList<DateOnly> days, IList<object> x)
    {
        var drawn = new List<ChartEvent>();
        foreach (var e in events)
        {
            var inside = Enumerable.Range(0, days.Count).Where(i => days[i] >= e.Start && days[i] <= e.End).ToList();
            if (inside.Count == 0)
            {
                continue;
            }
            var rows = inside.Select(i => Convert.ToString(x[i], Invariant) ?? "").ToList();
            drawn.Add(e.IsSingleDay
                ? new ChartEvent(e.Label, (decimal)inside[0], (decimal)inside[0], rows)
                : new ChartEvent(e.Label, inside[0] - 0.5m, inside[^1] + 0.5m, rows));
        }
        return Draw(figure, drawn);
    }

    private static ChartFigure Draw(ChartFigure figure, List<ChartEvent> events)
    {
        if (events.Count == 0)
        {
            return figure;
        }
        figure.Layout.Shapes = events.Select(e => new Shape
        {
            Type = e.IsOneDay ? Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line : Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Rect,
            XRef = "x", YRef = "paper", X0 = e.X0, X1 = e.X1, Y0 = 0m, Y1 = 1m,
            Layer = Plotly.Blazor.LayoutLib.ShapeLib.LayerEnum.Below,
            FillColor = e.IsOneDay ? null : Fill,
            Line = new ShapeLine { Color = Colour, Width = e.IsOneDay ? 2 : 1, Dash = "dash" },
        }).ToList();
        // Labels stagger over three heights, so that events close together stay readable.
        figure.Layout.Annotations = events.Select((e, i) => new Annotation
        {
            Text = Plot.Label(e.Label), XRef = "x", YRef = "paper", X = e.X0, Y = 1m - 0.09m * (i % 3),
            XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left, YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Top,
            ShowArrow = false, XShift = 3,
        }).ToList();
        return figure with { Events = events };
    }

    private static string Key(DateOnly d) => d.ToString("yyyy-MM-dd", Invariant);
}
