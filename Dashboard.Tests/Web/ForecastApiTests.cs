using Dashboard.Tests.Support;
using System.Net;
using System.Text.Json;

namespace Dashboard.Tests.Web;

/// <summary>The forecast and anomalies endpoints: their shapes, and a 400 with the reason for each bad parameter.</summary>
public sealed class ForecastApiTests(AnalyticsAppFactory factory) : IClassFixture<AnalyticsAppFactory>
{
    [Theory]
    [InlineData("/api/orders/forecast?horizon=91", "horizon: 91 is more than the 90 periods")]
    [InlineData("/api/orders/forecast?horizon=0", "horizon: '0' is not a whole number")]
    [InlineData("/api/orders/forecast?horizon=two", "horizon: 'two' is not a whole number")]
    [InlineData("/api/orders/forecast?metric=profit", "metric: 'profit' is not one of orders, units, revenue")]
    [InlineData("/api/orders/forecast?grain=month", "grain: forecasts and anomalies are by day or week")]
    [InlineData("/api/orders/anomalies?grain=year", "grain: 'year' is not one of day, week, month")]
    [InlineData("/api/orders/anomalies?from=2022-07-01&to=2022-06-01", "from (2022-07-01) is after to (2022-06-01)")]
    public async Task ABadParameterIsABadRequestThatSaysWhy(string url, string reason)
    {
        using var client = await factory.SignedInClientAsync();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheForecastAnswersInTheDocumentedShapeAndSaysWhyItShowsNone()
    {
        using var client = await factory.SignedInClientAsync();
        var response = await client.GetAsync("/api/orders/forecast?metric=revenue&grain=day&horizon=90&category=Set");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["method", "shown", "reason", "forecast", "backtest"], body.EnumerateObject().Select(p => p.Name));
        Assert.True(body.GetProperty("shown").GetBoolean());
        Assert.Equal(90, body.GetProperty("forecast").GetArrayLength());
        Assert.Equal("2022-07-02", body.GetProperty("forecast")[0].GetProperty("date").GetString());
        Assert.Equal(["date", "expected", "low80", "high80", "low95", "high95"], body.GetProperty("forecast")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["mae", "naiveMae", "mase", "coverage80"], body.GetProperty("backtest").EnumerateObject().Select(p => p.Name));

        // Two weeks of history, the data's first day not counted as a full one: too little to check a forecast against.
        var none = JsonDocument.Parse(await client.GetStringAsync("/api/orders/forecast?from=2022-06-06&to=2022-06-19")).RootElement;
        Assert.False(none.GetProperty("shown").GetBoolean());
        Assert.StartsWith("Too little history: 13 days", none.GetProperty("reason").GetString());
        Assert.Equal(0, none.GetProperty("forecast").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("backtest").ValueKind);

        var anomalies = await client.GetAsync("/api/orders/anomalies?metric=units&grain=week");
        Assert.Equal(HttpStatusCode.OK, anomalies.StatusCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(await anomalies.Content.ReadAsStringAsync()).RootElement.ValueKind);
    }
}
