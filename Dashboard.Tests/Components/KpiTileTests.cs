using System.Globalization;
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
            .Add(t => t.Currency, "INR"));

        Assert.Equal("₹1,250.50", tile.Find(".kpi-tile__value").TextContent.Trim());
        var change = tile.Find(".kpi-tile__change");
        Assert.Contains("kpi-tile__change--good", change.ClassName);
        Assert.Contains("▲ +₹250.50", change.TextContent);
        Assert.Contains("(+25.1%)", change.TextContent);
    }

    [Fact]
    public async Task InEnInACroreOfRevenueReadsInCroresWithTheFullValueOnHover()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-IN");
        try
        {
            await using var context = ComponentTest.Create();
            var tile = context.Render<KpiTile>(p => p
                .Add(t => t.Label, "Revenue").Add(t => t.Name, "revenue").Add(t => t.Kpi, new KpiValue(78590043.30m, 78590043.30m - 7330000m))
                .Add(t => t.Currency, "INR"));

            var value = tile.Find(".kpi-tile__value");
            Assert.Equal("₹7.86 Cr", value.TextContent.Trim());
            Assert.Equal("₹7,85,90,043.30", value.GetAttribute("title"));
            var change = tile.Find(".kpi-tile__change span");
            Assert.Equal("▲ +₹73.3 L", change.TextContent.Trim());
            Assert.Equal("+₹73,30,000.00", change.GetAttribute("title"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task ElsewhereTheSameRevenueReadsInMillions()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            await using var context = ComponentTest.Create();
            var tile = context.Render<KpiTile>(p => p
                .Add(t => t.Label, "Revenue").Add(t => t.Kpi, new KpiValue(78590043.30m, null)).Add(t => t.Currency, "INR"));

            Assert.Equal("₹78.6M", tile.Find(".kpi-tile__value").TextContent.Trim());
            Assert.Equal("₹78,590,043.30", tile.Find(".kpi-tile__value").GetAttribute("title"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
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
