using Bunit;
using Dashboard.Core.Orders;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Pages.Orders;
using Plotly.Blazor.Traces;
using PatternShape = Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib.ShapeEnum;

namespace Dashboard.Tests.Components;

/// <summary>Every chart is a figure with a name, a sentence made from its data, its numbers as a table whose rows filter from the
/// keyboard, series that differ by more than colour, and colours that stand out from the chart's surface.</summary>
public sealed class ChartAccessibilityTests
{
    private static readonly IReadOnlyList<CategoryPoint> Categories =
    [
        new("Set", 3, 4, 1200m, false),
        new("<a href=\"https://evil.example\">kurta</a>", 2, 2, 800m, true),
        new("Top", 1, 1, 100m, false),
    ];

    [Fact]
    public async Task AChartIsAFigureNamedByItsHeadingAndDescribedByASentenceMadeFromItsData()
    {
        await using var context = ComponentTest.Create().InCircuit();
        var card = context.Render<ChartCard>(p => p
            .Add(c => c.Title, "Sales by category").Add(c => c.Name, "categories").Add(c => c.Figure, OverviewFigures.Categories(Categories, "INR")));

        var figure = card.Find("figure");
        var heading = card.Find("#" + figure.GetAttribute("aria-labelledby"));
        Assert.Equal("H2", heading.TagName);
        Assert.Equal("Sales by category", heading.TextContent.Trim());
        var summary = card.Find("#" + card.Find("[data-first-frame]").GetAttribute("aria-describedby"));
        Assert.Equal("FIGCAPTION", summary.TagName);
        Assert.Equal("Sales by category: highest 1,200 for Set, lowest 100 for Top.", summary.TextContent.Trim());
    }

    [Fact]
    public void ATimeSeriesIsSummedUpWithItsRangeAndTheDaysOfItsHighestAndLowestValue()
    {
        var days = Enumerable.Range(0, 91).Select(i => new DateOnly(2022, 3, 31).AddDays(i)).ToList();
        var values = days.Select(d => d == new DateOnly(2022, 5, 4) ? 1941.0 : d == new DateOnly(2022, 6, 29) ? 606 : 1000 + d.Day).ToList();
        var figure = new ChartFigure([Plot.Line("Orders", Plot.Dates(days), Plot.Values(values), ChartPalette.Primary)],
            Plot.Layout(Plot.DateAxis(), Plot.ValueAxis("Orders")));

        Assert.Equal("Orders per day, 31 Mar 2022 – 29 Jun 2022: highest 1,941 on 4 May 2022, lowest 606 on 29 Jun 2022.",
            ChartData.Summary("Orders per day", figure));
    }

    [Fact]
    public async Task TheDataTableShowsEveryNumberAndPressingARowFiltersAsAClickOnItsBarDoes()
    {
        await using var context = ComponentTest.Create().InCircuit();
        ChartClick? clicked = null;
        var card = context.Render<ChartCard>(p => p
            .Add(c => c.Title, "Sales by category").Add(c => c.Name, "categories").Add(c => c.Figure, OverviewFigures.Categories(Categories, "INR"))
            .Add(c => c.OnPointClick, (ChartClick c) => clicked = c));
        Assert.Empty(card.FindAll("table"));
        Assert.Equal("false", card.Find("[data-action=data-table]").GetAttribute("aria-expanded"));

        card.Find("[data-action=data-table]").Click();

        Assert.Equal("true", card.Find("[data-action=data-table]").GetAttribute("aria-expanded"));
        Assert.Equal(["Category", "Revenue (INR)", "Details"], card.FindAll("thead th").Select(h => h.TextContent.Trim()));
        var rows = card.FindAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        // The details are the hover's text: the full amount in the display culture, then the counts.
        Assert.Equal(["Set", "1,200", "Revenue: ₹1,200.00; 3 orders, 4 units"], rows[0]);
        // A data label is shown as the text it is, not as markup.
        Assert.Equal(["<a href=\"https://evil.example\">kurta</a>", "800", "Revenue: ₹800.00; 2 orders, 2 units"], rows[1]);
        Assert.Equal(["Top", "100", "Revenue: ₹100.00; 1 orders, 1 units"], rows[2]);
        Assert.Equal(["false", "true", "false"], card.FindAll("[data-filter-row]").Select(b => b.GetAttribute("aria-pressed")));

        card.FindAll("button[data-filter-row]")[0].Click();
        Assert.Equal(new ChartClick(0, 0, "Set"), clicked);
    }

    [Fact]
    public void TheSecondSeriesOfAChartIsHatchedOrDashedNotOnlyColouredDifferently()
    {
        IList<object> x = Plot.Labels(["a", "b"]), y = Plot.Values([1.0, 2.0]);
        var figure = new ChartFigure(
            [
                Plot.Bar("this week", x, y, ChartPalette.Primary), Plot.Bar("week before", x, y, ChartPalette.Muted),
                Plot.Line("model A", x, y, ChartPalette.Primary), Plot.Line("model B", x, y, ChartPalette.Secondary),
                Plot.Line("diagonal", x, y, ChartPalette.Tertiary, dash: "dot"),
            ],
            Plot.Layout(Plot.CategoryAxis(), Plot.ValueAxis("n")));

        ChartSeries.Distinguish(figure);

        var bars = figure.Data.OfType<Bar>().ToList();
        Assert.Null(bars[0].Marker.Pattern);
        Assert.Equal(PatternShape.Slash, bars[1].Marker.Pattern.Shape);
        Assert.Equal([null, "dash", "dot"], figure.Data.OfType<Scatter>().Select(l => l.Line.Dash));
    }

    [Fact]
    public void EveryColourABarOrLineTakesStandsOutThreeToOneFromTheChartsSurfaceInBothThemes()
    {
        var colours = typeof(ChartPalette).GetFields().Where(f => f.IsLiteral && !f.Name.EndsWith("Dark", StringComparison.Ordinal))
            .Select(f => (f.Name, Colour: (string)f.GetRawConstantValue()!)).ToList();
        Assert.Equal(8, colours.Count);
        var figure = new ChartFigure([], Plot.Layout(Plot.CategoryAxis(), Plot.ValueAxis("n")));
        foreach (var dark in new[] { false, true })
        {
            ChartTheme.Apply(figure, dark);
            var surface = (string)figure.Layout.PlotBgColor;
            foreach (var (name, colour) in colours)
            {
                var drawn = ChartTheme.ForTheme(colour, dark);
                Assert.True(Contrast.Ratio(drawn, surface) >= 3, $"{name} {drawn} on {surface}: {Contrast.Ratio(drawn, surface):0.00}");
            }
        }
    }
}
