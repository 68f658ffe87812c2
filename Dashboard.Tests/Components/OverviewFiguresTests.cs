using Dashboard.Core.Orders;
using Dashboard.Web.Components.Pages.Orders;
using Plotly.Blazor.LayoutLib.XAxisLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Dashboard.Tests.Components;

public sealed class OverviewFiguresTests
{
    private static TimePoint Day(int day, int orders) =>
        new(new DateOnly(2022, 5, day), new DateOnly(2022, 5, day), false, orders, orders, orders * 100m);

    [Fact]
    public void AOneDayRangeDrawsItsDayAsAPointUnderItsOwnDate()
    {
        var figure = OverviewFigures.OverTime(new OrdersOverTime(TimeGrain.Day, DayOfWeek.Monday, [Day(4, 1896)]), OrderMetric.Orders, "INR");

        var line = Assert.IsType<Scatter>(Assert.Single(figure.Data));
        Assert.True(line.Mode!.Value.HasFlag(ModeFlag.Markers), "a line of one point draws nothing");
        var axis = Assert.Single(figure.Layout.XAxis);
        Assert.Equal(TickModeEnum.Array, axis.TickMode);
        Assert.Equal(line.X, axis.TickVals);
    }

    [Fact]
    public void SeveralDaysAreALineWithTheAxisLeftToPlotly()
    {
        var figure = OverviewFigures.OverTime(new OrdersOverTime(TimeGrain.Day, DayOfWeek.Monday, [Day(3, 1941), Day(4, 1896)]), OrderMetric.Orders, "INR");

        var line = Assert.IsType<Scatter>(Assert.Single(figure.Data));
        Assert.False(line.Mode!.Value.HasFlag(ModeFlag.Markers));
        Assert.Null(Assert.Single(figure.Layout.XAxis).TickVals);
    }
}
