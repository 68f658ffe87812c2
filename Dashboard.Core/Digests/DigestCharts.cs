using System.Globalization;
using Dashboard.Core.Display;
using Dashboard.Core.Weekly;
using ScottPlot;

namespace Dashboard.Core.Digests;

/// <summary>
/// The weekly review's four charts drawn on the server with ScottPlot (SkiaSharp), for the e-mail: the same series as the
/// page's Plotly figures (orders by day in the three weeks, revenue by category, the category and state movers).
/// </summary>
public static class DigestCharts
{
    public const int Width = 640;
    public const int Height = 320;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly Color Primary = Color.FromHex("#1976d2");
    private static readonly Color Muted = Color.FromHex("#9ec5ee");
    private static readonly Color Tertiary = Color.FromHex("#7b8794");
    private static readonly Color Up = Color.FromHex("#2e7d32");
    private static readonly Color Down = Color.FromHex("#c62828");

    /// <summary>
    /// A sans-serif face like the page's: DejaVu Sans is Debian's fonts-dejavu-core (installed by .ci/run); where it is
    /// missing SkiaSharp falls back to the system's default face.
    /// </summary>
    static DigestCharts() => Fonts.Default = "DejaVu Sans";

    /// <summary>
    /// The charts of a review whose week has data (none otherwise: the digest then says there is no data), their value
    /// axes written by <paramref name="numbers"/> (₹2 Cr, ₹50 L in en-IN).
    /// </summary>
    public static IReadOnlyList<DigestChart> Render(WeeklyReview review, DisplayNumbers numbers) =>
    [
        Days(review, numbers),
        Categories(review, numbers),
        Movers("category-movers", "Categories that moved most (revenue change)", review.CategoryMovers, review.Currency, numbers),
        Movers("state-movers", "States that moved most (revenue change)", review.StateMovers, review.Currency, numbers),
    ];

    /// <summary>ScottPlot's own tick positions, their labels in the display culture.</summary>
    private static void Ticks(IAxis axis, Func<double, string> label) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = label };

    private static DigestChart Days(WeeklyReview review, DisplayNumbers numbers)
    {
        var plot = NewPlot("Orders by day");
        var bars = new List<Bar>();
        for (var i = 0; i < review.Days.Count; i++)
        {
            var d = review.Days[i];
            bars.Add(new Bar { Position = i * 4 + 0, Value = d.Orders, FillColor = Primary, Size = 0.9 });
            bars.Add(new Bar { Position = i * 4 + 1, Value = d.PreviousWeekOrders, FillColor = Muted, Size = 0.9 });
            bars.Add(new Bar { Position = i * 4 + 2, Value = d.FourWeeksEarlierOrders, FillColor = Tertiary, Size = 0.9 });
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(
            [.. review.Days.Select(d => d.Index * 4 + 1.0)],
            [.. review.Days.Select(d => d.Date.ToString("ddd d MMM", Invariant))]);
        plot.YLabel("Orders");
        Ticks(plot.Axes.Left, v => numbers.CompactNumber(v));
        Legend(plot, ("This week", Primary), ("Week before", Muted), ("4 weeks earlier", Tertiary));
        plot.Axes.Margins(bottom: 0);
        return Png(plot, "days", "Orders by day");
    }

    private static DigestChart Categories(WeeklyReview review, DisplayNumbers numbers)
    {
        var plot = NewPlot($"Revenue by category ({review.Currency})");
        var categories = review.Categories.Take(12).Reverse().ToList(); // the largest at the top
        var bars = new List<Bar>();
        for (var i = 0; i < categories.Count; i++)
        {
            bars.Add(new Bar { Position = i * 3 + 1, Value = (double)categories[i].Revenue, FillColor = Primary, Size = 0.9 });
            bars.Add(new Bar { Position = i * 3 + 0, Value = (double)categories[i].PreviousRevenue, FillColor = Muted, Size = 0.9 });
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.SetTicks([.. categories.Select((_, i) => i * 3 + 0.5)], [.. categories.Select(c => c.Name)]);
        Ticks(plot.Axes.Bottom, v => numbers.CompactAmount((decimal)v, review.Currency, v % 1 == 0 ? 0 : 2));
        Legend(plot, ("This week", Primary), ("Week before", Muted));
        plot.Axes.Margins(left: 0);
        return Png(plot, "categories", "Revenue by category");
    }

    private static DigestChart Movers(string id, string title, IReadOnlyList<Mover> movers, string? currency, DisplayNumbers numbers)
    {
        var plot = NewPlot($"{title}, {currency}");
        var ordered = movers.Reverse().ToList(); // the biggest mover at the top
        var bars = ordered.Select((m, i) => new Bar
        {
            Position = i,
            Value = (double)m.RevenueChange,
            FillColor = m.RevenueChange >= 0 ? Up : Down,
            Size = 0.7,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.SetTicks([.. ordered.Select((_, i) => (double)i)], [.. ordered.Select(m => m.Name)]);
        Ticks(plot.Axes.Bottom, v => numbers.CompactAmountChange((decimal)v, currency, v % 1 == 0 ? 0 : 2));
        plot.Add.VerticalLine(0, 1, Colors.Gray);
        return Png(plot, id, title);
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Title(title, 14);
        plot.Grid.MajorLineColor = Color.FromHex("#e0e0e0");
        return plot;
    }

    private static void Legend(Plot plot, params (string Text, Color Colour)[] items)
    {
        foreach (var (text, colour) in items)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = text, FillColor = colour });
        }
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom); // below the plot, where it covers no bar
    }

    private static DigestChart Png(Plot plot, string id, string title) =>
        new(id, title, plot.GetImageBytes(Width, Height, ImageFormat.Png), Width, Height);
}
