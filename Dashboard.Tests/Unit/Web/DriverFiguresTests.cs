using Dashboard.Core.Display;
using Dashboard.Core.Drivers;
using Dashboard.Core.Orders;
using Dashboard.Web.Components.Charts;
using Plotly.Blazor.Traces;

namespace Dashboard.Tests.Unit.Web;

/// <summary>
/// The waterfall drawn with a bar trace (the basic bundle has no waterfall trace): each value's bar starts where the one
/// before ended, the values past the first eight are one bar, and the last bar is the whole change from zero.
/// </summary>
public sealed class DriverFiguresTests
{
    private static DriverBreakdown Breakdown(params decimal[] parts) => new(
        DriverKpi.Revenue, DriverDimension.State, new DateRange(new DateOnly(2022, 6, 13), new DateOnly(2022, 6, 19)),
        new DateRange(new DateOnly(2022, 6, 6), new DateOnly(2022, 6, 12)), "INR", 100m, 100m + parts.Sum(), parts.Sum(),
        parts.Select((p, i) => new DriverPart($"S{i}", p)).ToList());

    [Fact]
    public void EachBarStartsWhereTheOneBeforeEndedAndTheLastIsTheWholeChange()
    {
        var bar = (Bar)DriverFigures.Waterfall(Breakdown(900m, -400.50m, 700.50m), new DisplayNumbers(DisplayCultures.India)).Data[0];

        Assert.Equal(["S0", "S1", "S2", "Change"], bar.X.Cast<string>());
        Assert.Equal([900m, -400.50m, 700.50m, 1200m], bar.Y.Cast<decimal>());
        Assert.Equal([0m, 900m, 499.50m, 0m], bar.BaseArray.Cast<decimal>());
        Assert.Equal("+₹1,200.00", bar.TextArray[3]);
    }

    [Fact]
    public void ValuesPastTheFirstEightAreOneBarSoTheBarsStillAddUp()
    {
        var bars = DriverFigures.Bars(Breakdown(9, 8, 7, 6, 5, 4, 3, 2, 1, -1, 0.5m));

        Assert.Equal(10, bars.Count);
        Assert.Equal(("3 other values", 0.5m), bars[8]);
        Assert.Equal(bars[^1].Value, bars.Take(bars.Count - 1).Sum(b => b.Value));
    }
}
