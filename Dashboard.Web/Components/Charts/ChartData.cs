using System.Globalization;
using Dashboard.Web.Components.Shared;
using Plotly.Blazor.Traces;
using XAxisType = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// What a chart shows, in words and as a table, read from the figure itself so that they can never disagree with the picture:
/// a one-sentence summary (its range, and each series' highest and lowest value) and the numbers of every series, the texts its
/// hovers show included, so that no value can be read only from a hover. Numbers and dates are written by <see cref="Text"/>.
/// </summary>
public static class ChartData
{
    /// <summary>The most rows a table shows (a scatter of residuals has thousands of points; its summary still covers them all).</summary>
    public const int MaxRows = 500;

    private const int MaxSummarised = 3;

    /// <summary>"Orders per day, 6 Jun 2022 – 1 Jul 2022: highest 2 on 6 Jun 2022, lowest 0 on 9 Jun 2022."</summary>
    public static string Summary(string title, ChartFigure figure)
    {
        var series = Series(figure).Where(s => s.Y.Any(v => v is not null)).ToList();
        if (series.Count == 0)
        {
            return $"{title}: no data.";
        }
        var dates = IsDateAxis(figure);
        var x = series[0].X;
        var range = dates && x.Count > 1 ? $", {XText(x[0], true)} – {XText(x[^1], true)}" : "";
        var preposition = dates ? "on" : x.Count > 0 && x[0] is string ? "for" : "at";
        var parts = series.Take(MaxSummarised).Select(s =>
        {
            var values = s.Y.Select((v, i) => (Value: v, i)).Where(p => p.Value is not null).ToList();
            var high = values.MaxBy(p => p.Value!.Value);
            var low = values.MinBy(p => p.Value!.Value);
            var format = FormatOf(figure, s);
            var name = series.Count > 1 ? s.Name + ": " : "";
            return $"{name}highest {Text.Number(high.Value, format)} {preposition} {XText(s.X[high.i], dates)}, " +
                   $"lowest {Text.Number(low.Value, format)} {preposition} {XText(s.X[low.i], dates)}";
        });
        return $"{title}{range}: {string.Join("; ", parts)}.";
    }

    /// <summary>The figure's numbers: a row per x value (in the order drawn), a column per series and per series' hover texts.</summary>
    public static ChartTable Table(ChartFigure figure, string? xName)
    {
        var series = Series(figure);
        var dates = IsDateAxis(figure);
        var rows = new List<(object X, int Index)>();
        var at = new Dictionary<string, int>();
        foreach (var s in series)
        {
            foreach (var (x, i) in s.X.Select((x, i) => (x, i)))
            {
                if (at.TryAdd(Key(x), rows.Count))
                {
                    rows.Add((x, i));
                }
            }
        }
        var columns = new List<string> { xName ?? AxisTitle(figure) ?? (dates ? "Date" : "Value") };
        var cells = rows.Select(_ => new List<string>()).ToList();
        foreach (var s in series)
        {
            columns.Add(s.Name);
            Fill(cells, s, at, i => Text.Number(s.Y[i], FormatOf(figure, s)));
            if (s.Details is { } details && details.Any(d => !string.IsNullOrWhiteSpace(d)))
            {
                columns.Add(series.Count > 1 ? $"{s.Name}: details" : "Details");
                Fill(cells, s, at, i => i < details.Count ? Plain(details[i]) : "");
            }
        }
        if (figure.Events.Count > 0)
        {
            columns.Add("Events");
            foreach (var (r, row) in rows.Select((r, row) => (r, row)))
            {
                cells[row].Add(string.Join("; ", figure.Events.Where(e => e.Rows.Contains(Key(r.X))).Select(e => e.Label)));
            }
        }
        var first = series.FirstOrDefault();
        var table = rows.Take(MaxRows).Select((r, row) => new ChartRow(r.Index, XText(r.X, dates), KeyOf(first, r.Index), IsSelected(first, r.Index), cells[row]));
        return new ChartTable(columns, table.ToList(), rows.Count);
    }

    private static void Fill(List<List<string>> cells, ChartSeriesData s, Dictionary<string, int> at, Func<int, string> cell)
    {
        var filled = new bool[cells.Count];
        foreach (var (x, i) in s.X.Select((x, i) => (x, i)))
        {
            var row = at[Key(x)];
            if (!filled[row])
            {
                cells[row].Add(cell(i));
                filled[row] = true;
            }
        }
        for (var row = 0; row < cells.Count; row++)
        {
            if (!filled[row])
            {
                cells[row].Add("");
            }
        }
    }

    /// <summary>The figure's bar and scatter traces as series (other trace kinds are left out).</summary>
    internal static List<ChartSeriesData> Series(ChartFigure figure) => figure.Data.Select(t => t switch
    {
        Bar b => new ChartSeriesData(Plain(b.Name), b.X ?? [], Numbers(b.Y), b.TextArray, b.CustomData, b.Marker?.ColorArray, b.YAxis),
        Scatter s => new ChartSeriesData(Plain(s.Name), s.X ?? [], Numbers(s.Y), s.TextArray, s.CustomData, null, s.YAxis),
        _ => null,
    }).OfType<ChartSeriesData>().ToList();

    private static List<double?> Numbers(IList<object>? values) => (values ?? []).Select(v => v switch
    {
        null => (double?)null,
        IConvertible c when c is not string => c.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    }).ToList();

    internal static bool IsDateAxis(ChartFigure figure) => figure.Layout.XAxis?.FirstOrDefault()?.Type == XAxisType.Date;

    private static string? AxisTitle(ChartFigure figure) => figure.Layout.XAxis?.FirstOrDefault()?.Title?.Text is { Length: > 0 } t ? Plain(t) : null;

    /// <summary>Percentages where the series' axis shows them, whole numbers where every value is one, two decimals otherwise.</summary>
    internal static string FormatOf(ChartFigure figure, ChartSeriesData s)
    {
        var axis = s.YAxis is { Length: > 1 } name && int.TryParse(name[1..], CultureInfo.InvariantCulture, out var n) ? n - 1 : 0;
        var tickFormat = figure.Layout.YAxis is { } axes && axis < axes.Count ? axes[axis].TickFormat : null;
        if (tickFormat?.Contains('%', StringComparison.Ordinal) == true)
        {
            return "P1";
        }
        return s.Y.All(v => v is null || Math.Abs(v.Value % 1) < 1e-9) ? "N0" : "N2";
    }

    internal static string XText(object? x, bool dates) => x switch
    {
        string s when dates && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => Text.Date(d),
        string s => Plain(s),
        IConvertible c => Text.Number(c.ToDouble(CultureInfo.InvariantCulture), Math.Abs(c.ToDouble(CultureInfo.InvariantCulture) % 1) < 1e-9 ? "N0" : "N2"),
        _ => "",
    };

    private static string Key(object? x) => Convert.ToString(x, CultureInfo.InvariantCulture) ?? "";

    private static string? KeyOf(ChartSeriesData? s, int index) =>
        s?.Keys is { } keys && index < keys.Count ? Convert.ToString(keys[index], CultureInfo.InvariantCulture) : null;

    private static bool IsSelected(ChartSeriesData? s, int index) =>
        s?.Colours is { } colours && index < colours.Count && colours[index] is ChartPalette.Selected or ChartPalette.SelectedDark;

    /// <summary>A plotly label as the reader sees it: line breaks as "; ", the three escapes of <see cref="Plot.Label"/> undone.</summary>
    private static string Plain(string? label) =>
        (label ?? "").Replace("<br>", "; ", StringComparison.Ordinal).Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
}
