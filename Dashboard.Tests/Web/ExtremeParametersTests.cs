using System.Net;
using System.Text.Json;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Web;

/// <summary>
/// Decision 0015: extreme but valid-looking parameters answer 400 with the reason, never 500, and a series is
/// capped by coarsening its grain, saying so.
/// </summary>
public sealed class ExtremeParametersTests(AnalyticsAppFactory factory) : IClassFixture<AnalyticsAppFactory>
{
    private static readonly string[] OrderEndpoints =
    [
        "/api/orders/overview", "/api/orders/kpis", "/api/orders/over-time", "/api/orders/over-time.csv", "/api/orders/weekdays",
        "/api/orders/categories", "/api/orders/months", "/api/orders/months.csv", "/api/orders/weekly-review",
        "/api/orders/weekly-review/days.csv", "/api/orders/weekly-review/categories.csv", "/api/orders/weekly-review/states.csv",
    ];

    public static TheoryData<string> Refused =>
    [
        "from=0001-01-01&to=9999-12-31",
        "from=0001-01-01",
        "to=9999-12-31",
        "from=1999-12-31",
        "to=2100-01-01",
        "from=2022-07-01&to=2022-06-01",
        "week=9999-12-27",
        "week=0001-01-01",
        "from=2022-13-01",
        "from=" + new string('9', 5000),
    ];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ADateOutOfRangeIsA400WithTheReasonOnEveryOrdersEndpoint(string query)
    {
        using var client = await factory.SignedInClientAsync();
        foreach (var endpoint in OrderEndpoints)
        {
            if (query.StartsWith("week=", StringComparison.Ordinal) && !endpoint.Contains("weekly", StringComparison.Ordinal))
            {
                continue; // only the weekly review reads week
            }
            using var response = await client.GetAsync($"{endpoint}?{query}");
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{endpoint}?{query[..Math.Min(60, query.Length)]} answered {(int)response.StatusCode}");
            Assert.True(body.Length < 2_000, $"a {body.Length:N0}-character answer");
            Assert.Matches("outside the dates|is after|not a date", body);
        }
    }

    [Fact]
    public async Task TheWidestRangeAllowedComesBackMonthlyAndSaysSo()
    {
        using var client = await factory.SignedInClientAsync();

        using var response = await client.GetAsync("/api/orders/over-time?from=2000-01-01&to=2099-12-31&grain=day");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("day", Assert.Single(response.Headers.GetValues("X-Series-Coarsened-From")));
        var series = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Month", series.GetProperty("grain").GetString());
        Assert.Equal(1_200, series.GetProperty("points").GetArrayLength());
    }

    [Theory]
    [InlineData("from=2000-01-01&to=2010-12-31&grain=day", "Week")]
    [InlineData("from=2020-01-01&to=2022-12-31&grain=day", "Day")]
    [InlineData("from=2000-01-01&to=2010-12-31&grain=month", "Month")]
    public async Task ASeriesIsCoarsenedOnlyAsFarAsItMustBe(string query, string grain)
    {
        using var client = await factory.SignedInClientAsync();

        using var response = await client.GetAsync("/api/orders/overview?" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overview = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(grain, overview.GetProperty("overTime").GetProperty("grain").GetString());
        Assert.True(overview.GetProperty("overTime").GetProperty("points").GetArrayLength() <= Dashboard.Web.Api.QueryParsing.MaxSeriesPoints);
        Assert.Equal(query.Contains("grain=" + grain.ToLowerInvariant(), StringComparison.Ordinal), !response.Headers.Contains("X-Series-Coarsened-From"));
    }

    [Theory]
    [InlineData("/api/orders/weekly-review?week=2000-01-03")]
    [InlineData("/api/orders/weekly-review?week=2099-12-28")]
    [InlineData("/api/orders/kpis?from=2000-01-01&to=2000-01-01")]
    [InlineData("/api/orders/kpis?from=2099-12-31&to=2099-12-31")]
    public async Task TheEdgesOfTheRangeAnswer(string url)
    {
        using var client = await factory.SignedInClientAsync();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
