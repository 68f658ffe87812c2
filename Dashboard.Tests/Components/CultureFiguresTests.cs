using System.Globalization;
using Dashboard.Core.Display;
using Dashboard.Core.Orders;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Pages.Orders;
using Plotly.Blazor.LayoutLib.YAxisLib;
using Plotly.Blazor.Traces;

namespace Dashboard.Tests.Components;

/// <summary>Axis ticks and hovers written on the server in the display culture, for plotly to show as they are.</summary>
public sealed class CultureFiguresTests
{
    private static readonly CategoryPoint[] Crores =
    [
        new("Set", 120, 150, 39000000.00m, false),
        new("kurta", 90, 100, 25000000.00m, false),
        new("Western Dress", 40, 45, 14590043.30m, false),
    ];

    private static DisplayNumbers In(string culture) => new(CultureInfo.GetCultureInfo(culture));

    [Fact]
    public void InEnInTheCategoryAxisCountsInCroresAndTheHoverGivesTheFullAmount()
    {
        var figure = OverviewFigures.Categories(Crores, "INR", In("en-IN"));

        var axis = Assert.Single(figure.Layout.YAxis);
        Assert.Equal(TickModeEnum.Array, axis.TickMode);
        Assert.Equal([0d, 1e7, 2e7, 3e7, 4e7], axis.TickVals.Select(Convert.ToDouble));
        Assert.Equal(["₹0", "₹1 Cr", "₹2 Cr", "₹3 Cr", "₹4 Cr"], axis.TickText.Cast<string>());
        var bars = Assert.IsType<Bar>(Assert.Single(figure.Data));
        Assert.Equal("Revenue: ₹1,45,90,043.30<br>40 orders, 45 units", bars.TextArray[2]);
        Assert.Equal("%{x}<br>%{text}<extra>click to filter</extra>", bars.HoverTemplate);
    }

    [Fact]
    public void ElsewhereTheSameAxisCountsInMillions()
    {
        var figure = OverviewFigures.Categories(Crores, "INR", In("en-US"));

        var axis = Assert.Single(figure.Layout.YAxis);
        Assert.Equal(["₹0", "₹10M", "₹20M", "₹30M", "₹40M"], axis.TickText.Cast<string>());
        Assert.Equal("Revenue: ₹14,590,043.30<br>40 orders, 45 units", Assert.IsType<Bar>(figure.Data[0]).TextArray[2]);
    }

    [Fact]
    public void CountsOverALakhAreGroupedTheIndianWay()
    {
        var days = Enumerable.Range(0, 3).Select(i => new TimePoint(new DateOnly(2022, 5, 2 + 7 * i), new DateOnly(2022, 5, 8 + 7 * i), false,
            150000 + i * 30000, 160000, 1m)).ToList();
        var figure = OverviewFigures.OverTime(new OrdersOverTime(TimeGrain.Week, DayOfWeek.Monday, days), OrderMetric.Orders, "INR", In("en-IN"));

        Assert.Equal(["0", "50,000", "1 L", "1.5 L", "2 L", "2.5 L"], Assert.Single(figure.Layout.YAxis).TickText.Cast<string>());
        Assert.Equal("1,80,000", Assert.IsType<Bar>(figure.Data[0]).TextArray[1]);
    }

    [Theory]
    [InlineData(0, 39000000, new[] { 0d, 1e7, 2e7, 3e7, 4e7 })]
    [InlineData(-120, 300, new[] { -200d, -100, 0, 100, 200, 300 })]
    [InlineData(0, 0, new[] { 0d })]
    [InlineData(0, 12, new[] { 0d, 2.5, 5, 7.5, 10, 12.5 })]
    public void TicksAreRoundStepsThatCoverTheValuesAndZero(double low, double high, double[] expected) =>
        Assert.Equal(expected, AxisTicks.Nice([low, high]));
}
