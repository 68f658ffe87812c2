using System.Globalization;
using Dashboard.Core.Analytics.Purchases;
using Dashboard.Web.Components.Charts;

namespace Dashboard.Web.Components.Pages.Purchases;

/// <summary>The customer-purchases figures, drawn from <see cref="PurchasesSummary"/>.</summary>
public static class PurchasesFigures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Title(PurchaseDimension dimension) => dimension switch
    {
        PurchaseDimension.AgeBand => "Age band",
        PurchaseDimension.Gender => "Gender",
        PurchaseDimension.CityCategory => "City category",
        PurchaseDimension.Occupation => "Occupation",
        PurchaseDimension.Married => "Marital status",
        PurchaseDimension.StayYears => "Years in city",
        PurchaseDimension.ProductCategory1 => "Product category 1",
        _ => dimension.ToString(),
    };

    public static PlotlyFigure Histogram(PurchasesSummary summary)
    {
        var bins = summary.Histogram;
        var shapes = summary.Quantiles.Select(q => new PlotlyShape
        {
            X0 = q.Value, X1 = q.Value,
            Line = new PlotlyLine { Color = q.Probability == 0.5 ? ChartPalette.Secondary : ChartPalette.Tertiary, Width = q.Probability == 0.5 ? 2 : 1, Dash = "dot" },
        }).ToList();
        var annotations = summary.Quantiles.Select(q => new PlotlyAnnotation
        {
            Text = "p" + (q.Probability * 100).ToString("0", Invariant),
            X = q.Value,
            Font = new PlotlyFont(Size: 10),
        }).ToList();
        return new PlotlyFigure(
            [new PlotlyTrace
            {
                Type = "bar", Name = "Transactions",
                X = bins.Select(b => ((b.From + b.To) / 2.0).ToString(Invariant)).ToList(),
                Y = bins.Select(b => (double?)b.Count).ToList(),
                Width = summary.BinWidth,
                Text = bins.Select(b => string.Create(Invariant, $"{b.From:N0} – {b.To - 1:N0}")).ToList(),
                TextPosition = "none",
                HoverTemplate = "Purchase %{text}<br>%{y:,d} transactions<extra></extra>",
                Marker = new PlotlyMarker { Color = Enumerable.Repeat(ChartPalette.Primary, bins.Count).ToList() },
            }],
            new PlotlyLayout
            {
                XAxis = new PlotlyAxis { Type = "linear", Title = new PlotlyTitle("Purchase amount") },
                YAxis = new PlotlyAxis { RangeMode = "tozero", Title = new PlotlyTitle("Transactions") },
                ShowLegend = false,
                BarGap = 0.02,
                Shapes = shapes,
                Annotations = annotations,
                Margin = new PlotlyMargin(T: 24),
            });
    }

    public static PlotlyFigure Breakdown(PurchaseBreakdown breakdown) => new(
        [new PlotlyTrace
        {
            Type = "bar", Name = "Mean purchase",
            X = breakdown.Groups.Select(g => g.Value).ToList(),
            Y = breakdown.Groups.Select(g => (double?)g.Mean).ToList(),
            CustomData = breakdown.Groups.Select(g => g.Value).ToList(),
            Text = breakdown.Groups.Select(g => g.Count.ToString("N0", Invariant)).ToList(),
            TextPosition = "none",
            HoverTemplate = "%{x}<br>Mean purchase: %{y:,.2f}<br>%{text} transactions<extra>click to filter</extra>",
            Marker = new PlotlyMarker { Color = ChartPalette.Selection(breakdown.Groups.Select(g => g.Selected).ToList()) },
        }],
        new PlotlyLayout
        {
            XAxis = new PlotlyAxis { Type = "category" },
            YAxis = new PlotlyAxis { RangeMode = "tozero", Title = new PlotlyTitle("Mean purchase") },
            ShowLegend = false,
            Margin = new PlotlyMargin(T: 8),
        });
}
