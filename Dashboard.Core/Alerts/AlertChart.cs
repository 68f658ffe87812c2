using Dashboard.Core.Digests;
using Dashboard.Core.Display;
using ScottPlot;

namespace Dashboard.Core.Alerts;

/// <summary>The alert mail's picture: the rule's metric over the last 8 weeks as bars, the fired period's bar marked, drawn on the server with ScottPlot as the digest's charts are.</summary>
public static class AlertChart
{
    private static readonly Color Bar = Color.FromHex("#9ec5ee");
    private static readonly Color Marked = Color.FromHex("#c62828");

    public static DigestChart Render(AlertRule rule, AlertSeries series, DateOnly period, DisplayNumbers numbers, string? currency)
    {
        Fonts.Default = "DejaVu Sans";
        var title = $"{AlertText.MetricName(rule.Metric)}, last 8 weeks{(currency is null || rule.Metric is not (AlertMetric.Revenue or AlertMetric.AverageOrderValue) ? "" : $" ({currency})")}";
        var plot = new Plot();
        plot.Title(char.ToUpperInvariant(title[0]) + title[1..], 14);
        plot.Grid.MajorLineColor = Color.FromHex("#e0e0e0");
        var bars = series.Starts.Select((start, i) => new ScottPlot.Bar
        {
            Position = i,
            Value = (double)(series.Values[i] ?? 0),
            FillColor = start == period ? Marked : Bar,
            Size = 0.8,
        }).ToList();
        plot.Add.Bars(bars);
        var every = Math.Max(1, series.Starts.Count / 8);
        var ticks = Enumerable.Range(0, series.Starts.Count).Where(i => i % every == 0 || series.Starts[i] == period).ToList();
        plot.Axes.Bottom.SetTicks([.. ticks.Select(i => (double)i)],
            [.. ticks.Select(i => series.Starts[i].ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => numbers.CompactNumber(v) };
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "The period of this alert", FillColor = Marked });
        plot.ShowLegend(Edge.Bottom);
        plot.Axes.Margins(bottom: 0);
        return new DigestChart("alert-chart", title, plot.GetImageBytes(DigestCharts.Width, DigestCharts.Height, ImageFormat.Png), DigestCharts.Width, DigestCharts.Height);
    }
}
