using Bunit;
using Dashboard.Core.Orders;
using Dashboard.Core.Users;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Pages.Orders;
using Dashboard.Web.Components.Theme;
using Plotly.Blazor;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor.Interop;

namespace Dashboard.Tests.Components;

public sealed class ChartCardTests
{
    private static readonly IReadOnlyList<CategoryPoint> Categories =
    [
        new("Set", 3, 4, 1200m, false),
        new("<a href=\"https://evil.example\">kurta</a>", 2, 2, 800m, false),
        new("Top", 1, 1, 100m, false),
    ];

    [Fact]
    public async Task AnAnalystGetsTheCsvAndPngActionsAndAViewerNeither()
    {
        await using var analyst = ComponentTest.Create(Role.Analyst).InCircuit();
        var card = analyst.Render<ChartCard>(p => p
            .Add(c => c.Title, "Sales by category").Add(c => c.Name, "categories")
            .Add(c => c.Figure, OverviewFigures.Categories(Categories, "INR")).Add(c => c.CsvHref, "api/orders/categories.csv"));
        Assert.Equal("Sales by category", card.Find(".chart-card__title").TextContent.Trim());
        Assert.Equal("categories", card.Find("[data-first-frame]").GetAttribute("data-first-frame"));
        Assert.Equal("api/orders/categories.csv", card.Find("[data-action=csv]").GetAttribute("href"));
        Assert.Single(card.FindAll("[data-action=png]"));

        await using var viewer = ComponentTest.Create(Role.Viewer).InCircuit();
        var viewersCard = viewer.Render<ChartCard>(p => p
            .Add(c => c.Title, "Sales by category").Add(c => c.Name, "categories")
            .Add(c => c.Figure, OverviewFigures.Categories(Categories, "INR")).Add(c => c.CsvHref, "api/orders/categories.csv"));
        Assert.Empty(viewersCard.FindAll("[data-action=csv]"));
        Assert.Empty(viewersCard.FindAll("[data-action=png]"));
    }

    [Fact]
    public async Task AClickOnABarHandsBackTheValueTheBarStandsForNotItsEscapedLabel()
    {
        await using var context = ComponentTest.Create().InCircuit();
        ChartClick? clicked = null;
        var card = context.Render<ChartCard>(p => p
            .Add(c => c.Title, "Sales by category").Add(c => c.Name, "categories")
            .Add(c => c.Figure, OverviewFigures.Categories(Categories, "INR"))
            .Add(c => c.OnPointClick, (ChartClick c) => clicked = c));

        await card.InvokeAsync(card.Instance.GoLive);
        var chart = card.FindComponent<PlotlyChart>().Instance;
        await card.InvokeAsync(() => chart.ClickEvent([new EventDataPoint { CurveNumber = 0, PointIndex = 1, X = "&lt;a&gt;" }]));

        card.WaitForAssertion(() => Assert.Equal(new ChartClick(0, 1, "<a href=\"https://evil.example\">kurta</a>"), clicked));
    }

    [Fact]
    public async Task TheCardShowsItsFirstFrameWithoutAPlotlyChartUntilTheReaderTurnsToThePage()
    {
        await using var context = ComponentTest.Create().InCircuit();
        var card = context.Render<ChartCard>(p => p
            .Add(c => c.Title, "Sales by category").Add(c => c.Name, "categories").Add(c => c.Figure, OverviewFigures.Categories(Categories, "INR")));

        var frame = card.Find("svg[data-first-frame=categories]");
        Assert.Equal("img", frame.GetAttribute("role"));
        Assert.Equal("Sales by category", frame.GetAttribute("aria-label"));
        var heights = card.FindAll("[data-first-frame] [data-bar]").Select(b => double.Parse(b.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, heights.Count);
        Assert.True(heights[0] > heights[1] && heights[1] > heights[2]); // 1,200, 800, 100
        Assert.Empty(card.FindComponents<PlotlyChart>());
        Assert.Contains(context.JSInterop.Invocations, i => i.Identifier == "import" && Equals(i.Arguments[0], "./Components/Charts/ChartCard.razor.js"));
        // No prerendered frame to take back here: the card asked, and drew it from markup.
        Assert.Contains(context.JSInterop.Invocations, i => i.Identifier == "attach");
        Assert.Empty(card.FindAll("dash-first-frame"));

        await card.InvokeAsync(card.Instance.GoLive);
        Assert.Single(card.FindComponents<PlotlyChart>());
        // plotly has drawn (bUnit's loose interop answers newPlot at once): the first frame goes.
        card.WaitForAssertion(() => Assert.Empty(card.FindAll("svg[data-first-frame]")));
    }

    [Fact]
    public void DataLabelsReachPlotlyAsTextNotMarkup()
    {
        var figure = OverviewFigures.Categories(Categories, "INR");
        var bars = Assert.IsType<Plotly.Blazor.Traces.Bar>(Assert.Single(figure.Data));

        // plotly.js reads & < > as markup and decodes only a few entities (not &quot;): those three are escaped, quotes stay.
        Assert.Equal("&lt;a href=\"https://evil.example\"&gt;kurta&lt;/a&gt;", bars.X[1]);
        Assert.DoesNotContain(bars.X.Cast<string>(), x => x.Contains('<'));
        Assert.Equal("<a href=\"https://evil.example\">kurta</a>", bars.CustomData[1]);
    }

    [Fact]
    public async Task TheChartTakesTheDarkThemesColoursAndGoesBackToLight()
    {
        await using var context = ComponentTest.Create().InCircuit();
        var figure = OverviewFigures.Categories(Categories, "INR");
        var card = context.Render<CascadingValue<bool>>(p => p
            .Add(c => c.Name, ThemeCascade.DarkMode).Add(c => c.Value, true)
            .AddChildContent<ChartCard>(c => c.Add(x => x.Title, "Sales").Add(x => x.Name, "categories").Add(x => x.Figure, figure)));

        Assert.Equal("#1b2129", figure.Layout.PaperBgColor);
        Assert.Equal("#e3e8ef", figure.Layout.Font.Color);

        card.Render(p => p.Add(c => c.Value, false));
        Assert.Equal("#ffffff", figure.Layout.PaperBgColor);
    }

    [Fact]
    public async Task ASelectedBarStaysTheBrightestOnTheDarkTheme()
    {
        await using var context = ComponentTest.Create().InCircuit();
        var selected = Categories.Select((c, i) => c with { Selected = i == 1 }).ToList();
        var figure = OverviewFigures.Categories(selected, "INR");
        var colours = ((Plotly.Blazor.Traces.Bar)figure.Data[0]).Marker.ColorArray;
        var card = context.Render<CascadingValue<bool>>(p => p
            .Add(c => c.Name, ThemeCascade.DarkMode).Add(c => c.Value, true)
            .AddChildContent<ChartCard>(c => c.Add(x => x.Title, "Sales").Add(x => x.Name, "categories").Add(x => x.Figure, figure)));

        Assert.Equal([ChartPalette.MutedDark, ChartPalette.SelectedDark, ChartPalette.MutedDark], colours);
        Assert.True(Luminance(ChartPalette.SelectedDark) > Luminance(ChartPalette.MutedDark));
        Assert.True(Luminance(ChartPalette.SelectedDark) - Luminance((string)figure.Layout.PaperBgColor) > 0.5);

        card.Render(p => p.Add(c => c.Value, false));
        Assert.Equal([ChartPalette.Muted, ChartPalette.Selected, ChartPalette.Muted], colours);
    }

    private static double Luminance(string hex) => Contrast.Luminance(hex);
}
