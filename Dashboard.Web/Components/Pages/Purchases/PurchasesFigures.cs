using System.Globalization;
using Dashboard.Core.Purchases;
using Dashboard.Web.Components.Charts;
using Plotly.Blazor.LayoutLib;

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

    public static ChartFigure Histogram(PurchasesSummary summary)
    {
        var bins = summary.Histogram;
        var bars = Plot.Bar("Transactions", Plot.Values(bins.Select(b => (b.From + b.To) / 2.0)), Plot.Values(bins.Select(b => (long)b.Count)), ChartPalette.Primary);
        bars.Width = (decimal)summary.BinWidth;
        bars.TextArray = bins.Select(b => string.Create(CultureInfo.CurrentCulture, $"{b.From:N0} – {b.To - 1:N0}")).ToList();
        bars.HoverTemplate = "Purchase %{text}<br>%{y:,d} transactions<extra></extra>";
        var layout = Plot.Layout(Plot.LinearAxis("Purchase amount"), Plot.ValueAxis("Transactions"), top: 24);
        layout.BarGap = 0.02m;
        layout.Shapes = summary.Quantiles.Select(q => new Shape
        {
            Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, XRef = "x", YRef = "paper", X0 = q.Value, X1 = q.Value, Y0 = 0, Y1 = 1,
            Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line
            {
                Color = q.Probability == 0.5 ? ChartPalette.Secondary : ChartPalette.Tertiary, Width = q.Probability == 0.5 ? 2 : 1, Dash = "dot",
            },
        }).ToList();
        layout.Annotations = summary.Quantiles.Select(q => new Annotation
        {
            Text = "p" + (q.Probability * 100).ToString("0", Invariant), X = q.Value, Y = 1, XRef = "x", YRef = "paper", ShowArrow = false,
            YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
            Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 10 },
        }).ToList();
        return new ChartFigure([bars], layout);
    }

    public static ChartFigure Breakdown(PurchaseBreakdown breakdown)
    {
        var bars = Plot.Bar("Mean purchase", Plot.Labels(breakdown.Groups.Select(g => g.Value)), Plot.Values(breakdown.Groups.Select(g => g.Mean)),
            Plot.Colours(ChartPalette.Selection(breakdown.Groups.Select(g => g.Selected).ToList())));
        bars.CustomData = Plot.Keys(breakdown.Groups.Select(g => g.Value));
        bars.TextArray = breakdown.Groups.Select(g => g.Count.ToString("N0", CultureInfo.CurrentCulture)).ToList();
        bars.HoverTemplate = "%{x}<br>Mean purchase: %{y:,.2f}<br>%{text} transactions<extra>click to filter</extra>";
        return new ChartFigure([bars], Plot.Layout(Plot.CategoryAxis(), Plot.ValueAxis("Mean purchase"), top: 8)) { XName = Title(breakdown.Dimension) };
    }
}
