using System.Net;
using System.Text.Json;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Web;

/// <summary>
/// The display culture writes what people read; what machines read (CSV, JSON, Parquet, Arrow) stays invariant, whatever
/// the setting (en-IN here) or the reader's own choice (de-DE, whose decimal comma would show at once).
/// </summary>
public sealed class DisplayCultureTests(DisplayCultureAppFactory factory) : IClassFixture<DisplayCultureAppFactory>
{
    private async Task<HttpClient> ClientIn(string? culture)
    {
        var client = await factory.SignedInClientAsync();
        if (culture is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture={Uri.EscapeDataString($"c={culture}|uic={culture}")}");
        }
        return client;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("de-DE")]
    public async Task DownloadsAndTheApiKeepInvariantNumbers(string? culture)
    {
        using var client = await ClientIn(culture);

        Assert.Equal(
            "category,orders,units,revenue_INR,selected\r\nSet,5,4,2300.5,false\r\nkurta,3,3,1199.5,false\r\nWestern Dress,1,3,900,false\r\n",
            await client.GetStringAsync("/api/orders/categories.csv"));
        var lines = await client.GetStringAsync("/api/orders/lines.csv");
        Assert.Contains(",INR,1200.5,", lines);
        Assert.DoesNotContain("1.200,5", lines);
        var kpis = JsonDocument.Parse(await client.GetStringAsync("/api/orders/kpis")).RootElement;
        Assert.Equal("4400", kpis.GetProperty("current").GetProperty("revenue").GetRawText());
    }

    [Theory]
    [InlineData(null, "<td>₹2,500.00</td>")]
    [InlineData("de-DE", "<td>2.500,00 ₹</td>")]
    public async Task ThePagesWriteAmountsInTheReadersCulture(string? culture, string revenue)
    {
        using var client = await ClientIn(culture);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/weekly?week=2022-06-13"));

        Assert.Contains(revenue, page); // the week's revenue in the KPI table: O4's two lines and O5's (1,200.50 + 399.50 + 900)
    }

    [Fact]
    public async Task AChoiceFromTheMenuIsKeptInTheCultureCookieAndLeadsBack()
    {
        using var client = await ClientIn(null);

        var chosen = await client.GetAsync("/culture?name=en-US&back=%2Fweekly%3Fweek%3D2022-06-13");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/weekly?week=2022-06-13", chosen.Headers.Location?.OriginalString);
        Assert.Contains(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US", StringComparison.Ordinal));

        var elsewhere = await client.GetAsync("/culture?name=en-US&back=%2F%2Fevil.example");
        Assert.Equal("/", elsewhere.Headers.Location?.OriginalString);

        var unknown = await client.GetAsync("/culture?name=xx-YY&back=%2F");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }
}
