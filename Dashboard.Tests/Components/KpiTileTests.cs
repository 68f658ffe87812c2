using Bunit;
using Dashboard.Core.Orders;
using Dashboard.Web.Components.Shared;

namespace Dashboard.Tests.Components;

public sealed class KpiTileTests
{
    [Fact]
    public async Task ARiseOfRevenueIsGoodNewsWithItsAbsoluteAndRelativeChange()
    {
        await using var context = ComponentTest.Create();
        var tile = context.Render<KpiTile>(p => p
            .Add(t => t.Label, "Revenue").Add(t => t.Name, "revenue").Add(t => t.Kpi, new KpiValue(1250.5m, 1000m))
            .Add(t => t.ValueFormat, "N2").Add(t => t.Prefix, "INR"));

        Assert.Equal("INR 1,250.50", tile.Find(".kpi-tile__value").TextContent.Trim());
        var change = tile.Find(".kpi-tile__change");
        Assert.Contains("kpi-tile__change--good", change.ClassName);
        Assert.Contains("▲ INR +250.5", change.TextContent);
        Assert.Contains("(+25.1%)", change.TextContent);
    }

    [Fact]
    public async Task ARiseOfTheCancellationRateIsBadNewsInPercentagePoints()
    {
        await using var context = ComponentTest.Create();
        var tile = context.Render<KpiTile>(p => p
            .Add(t => t.Label, "Cancellation rate").Add(t => t.Kpi, new KpiValue(0.15m, 0.10m))
            .Add(t => t.ValueFormat, "P1").Add(t => t.HigherIsBetter, false));

        Assert.Equal("15.0%", tile.Find(".kpi-tile__value").TextContent.Trim());
        Assert.Contains("kpi-tile__change--bad", tile.Find(".kpi-tile__change").ClassName);
        Assert.Contains("+5.0 pp", tile.Find(".kpi-tile__change").TextContent);
    }

    [Fact]
    public async Task WithoutAPreviousPeriodItSaysSoInsteadOfAChange()
    {
        await using var context = ComponentTest.Create();
        var tile = context.Render<KpiTile>(p => p.Add(t => t.Label, "Orders").Add(t => t.Kpi, new KpiValue(7, null)));

        Assert.Equal("7", tile.Find(".kpi-tile__value").TextContent.Trim());
        Assert.Contains("no previous period", tile.Find(".kpi-tile__change").TextContent);
        Assert.Contains("kpi-tile__change--flat", tile.Find(".kpi-tile__change").ClassName);
    }
}
