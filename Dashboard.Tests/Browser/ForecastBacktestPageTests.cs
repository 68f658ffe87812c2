using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The Models page's forecast backtest: a table with each method by horizon, whose all-horizons MAE of the method the
/// overview shows is the API's <c>backtest.mae</c> for the same request (orders, day, no filter).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ForecastBacktestPageTests(BrowserAppFixture app)
{
    [Fact]
    public async Task TheBacktestTableShowsEachMethodByHorizonAndTheShownMethodsErrorIsTheApis()
    {
        var api = await app.Http.GetFromJsonAsync<JsonElement>("/api/orders/forecast?metric=orders&grain=day");
        var method = api.GetProperty("method").GetString()!;
        var mae = api.GetProperty("backtest").GetProperty("mae").GetDouble();

        var page = await app.NewPageAsync();
        await page.GotoAsync("/models");
        var table = page.Locator("[data-table=forecast-backtest]");
        await table.WaitForAsync();
        Assert.Contains("Backtest of the orders forecast", await table.Locator("caption").InnerTextAsync(), StringComparison.Ordinal);
        foreach (var name in new[] { "holt-winters", "combination", "seasonal-naive" })
        {
            Assert.Equal(["1", "2–7", "8–14", "1–14"], await table.Locator($"tbody tr[data-method={name}] td:nth-of-type(1)").AllInnerTextsAsync());
        }
        var shown = await table.Locator($"tbody tr[data-method={method}][data-horizons='1–14'] [data-cell=mae]").InnerTextAsync();
        Assert.Equal(Digits(mae.ToString("F2", CultureInfo.InvariantCulture)), Digits(shown));
    }

    /// <summary>The digits only, so that the display culture's grouping and decimal signs do not matter.</summary>
    private static string Digits(string text) => NonDigits().Replace(text, "");

    [GeneratedRegex("[^0-9]")]
    private static partial Regex NonDigits();
}
