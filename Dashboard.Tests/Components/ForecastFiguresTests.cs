using Dashboard.Core.Display;
using Dashboard.Core.Forecasting;
using Dashboard.Core.Orders;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Pages.Orders;
using Plotly.Blazor.Traces;

namespace Dashboard.Tests.Components;

/// <summary>The forecast on the orders-over-time chart: bands filled between their ends, a dashed line, anomaly markers, all in the data table.</summary>
public sealed class ForecastFiguresTests
{
    private static TimePoint Day(int day, int orders) =>
        new(new DateOnly(2022, 6, day), new DateOnly(2022, 6, day), false, orders, orders, orders * 100m);

    [Fact]
    public void TheForecastItsBandsAndTheAnomaliesAreDrawnAndListed()
    {
        var numbers = new DisplayNumbers(DisplayCultures.India);
        var chart = OverviewFigures.OverTime(new OrdersOverTime(TimeGrain.Day, DayOfWeek.Monday, [Day(20, 1100), Day(21, 1941)]), OrderMetric.Orders, "INR", numbers);
        var forecast = new OrdersForecast("holt-winters", true, "", [new ForecastPoint(new DateOnly(2022, 6, 22), 1200, 1100, 1300, 1000, 1400)], null);
        Anomaly[] anomalies = [new(new DateOnly(2022, 6, 21), 1941, 1285, 1150, 1420)];

        var figure = ForecastFigures.Overlay(chart, forecast, anomalies, OrderMetric.Orders, "INR", numbers);

        var forecastLine = figure.Data.OfType<Scatter>().Single(s => s.Name == "Forecast");
        Assert.Equal("dash", forecastLine.Line!.Dash);
        var high95 = figure.Data.OfType<Scatter>().Single(s => s.Name == "95% range, high");
        Assert.Equal(Plotly.Blazor.Traces.ScatterLib.FillEnum.ToNextY, high95.Fill);
        var table = ChartData.Table(figure, "Day");
        Assert.Contains("Forecast", table.Columns);
        Assert.Contains("80% range, low", table.Columns);
        Assert.Contains("Unusual", table.Columns);
        var details = table.Columns.ToList().IndexOf("Unusual: details") - 1;   // the cells follow the first (x) column
        var unusual = table.Rows.Single(r => r.Cells[details].Length > 0);
        Assert.Contains("unusual: 1,941, expected 1,150–1,420", string.Join(" | ", unusual.Cells));
        Assert.Equal(3, table.Rows.Count);   // 20 and 21 June drawn, 22 June forecast
    }

    [Fact]
    public void NoForecastShownDrawsNothingMore()
    {
        var chart = OverviewFigures.OverTime(new OrdersOverTime(TimeGrain.Day, DayOfWeek.Monday, [Day(20, 1100), Day(21, 1941)]), OrderMetric.Orders, "INR");
        var figure = ForecastFigures.Overlay(chart, new OrdersForecast("none", false, "Too little history", [], null), [], OrderMetric.Orders, "INR");
        Assert.Single(figure.Data);
    }
}
