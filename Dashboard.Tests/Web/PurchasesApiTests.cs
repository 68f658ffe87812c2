using Dashboard.Tests.Support;
using System.Net;
using System.Text.Json;

namespace Dashboard.Tests.Web;

/// <summary>The purchases API against hand-computed answers for the five labelled rows of the fixture (100..500).</summary>
public abstract class PurchasesApiTests(AnalyticsAppFactory factory)
{
    private async Task<JsonElement> Get(string url)
    {
        using var client = await factory.SignedInClientAsync();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task TheSummaryCountsOnlyLabelledRowsAndInterpolatesQuantiles()
    {
        var summary = await Get("/api/purchases/summary");
        Assert.Equal(5, summary.GetProperty("count").GetInt32());     // the row to score is left out
        Assert.Equal(1500, summary.GetProperty("total").GetInt64());
        Assert.Equal(300.0, summary.GetProperty("mean").GetDouble());
        // h = (n-1)q over 100,200,300,400,500: q=.1 -> 140, .25 -> 200, .5 -> 300, .75 -> 400, .9 -> 460
        Assert.Equal([140.0, 200, 300, 400, 460], summary.GetProperty("quantiles").EnumerateArray().Select(q => q.GetProperty("value").GetDouble()));
        Assert.Equal(20, summary.GetProperty("binWidth").GetInt32());  // (500-100)/30 = 13.3 -> 20
        var bins = summary.GetProperty("histogram").EnumerateArray().ToList();
        Assert.Equal(5, bins.Sum(b => b.GetProperty("count").GetInt32()));
        Assert.Equal(100, bins[0].GetProperty("from").GetInt32());
        Assert.Equal(1, bins[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task MeanPurchaseByDimensionUsesDisplayOrderAndLabels()
    {
        var age = (await Get("/api/purchases/by/age")).GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["18-25", "26-35", "36-45"], age.Select(g => g.GetProperty("value").GetString()));
        Assert.Equal([1, 3, 1], age.Select(g => g.GetProperty("count").GetInt32()));
        Assert.Equal([300.0, 266.67, 400.0], age.Select(g => g.GetProperty("mean").GetDouble()));
        var stay = (await Get("/api/purchases/by/stay")).GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["0", "1", "2", "4+"], stay.Select(g => g.GetProperty("value").GetString()));
        var married = (await Get("/api/purchases/by/married")).GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal([300.0, 300.0], married.Select(g => g.GetProperty("mean").GetDouble())); // married 200,400; single 100,300,500
    }

    [Fact]
    public async Task AGenderFilterNarrowsTheOtherChartsButNotItsOwn()
    {
        var summary = await Get("/api/purchases/summary?gender=F");
        Assert.Equal(2, summary.GetProperty("count").GetInt32());
        Assert.Equal(250.0, summary.GetProperty("mean").GetDouble());
        var breakdowns = summary.GetProperty("breakdowns").EnumerateArray().ToDictionary(b => b.GetProperty("key").GetString()!);
        var gender = breakdowns["gender"].GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal([2, 3], gender.Select(g => g.GetProperty("count").GetInt32()));
        Assert.Equal([true, false], gender.Select(g => g.GetProperty("selected").GetBoolean()));
        var age = breakdowns["age"].GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal([0, 1, 1], age.Select(g => g.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task TheBreakdownCsvMatchesTheApi()
    {
        using var client = await factory.SignedInClientAsync();
        var text = await client.GetStringAsync("/api/purchases/by/gender.csv");
        Assert.Equal("gender,count,total,mean,selected\r\nF,2,500,250,false\r\nM,3,1000,333.33,false\r\n", text);
    }

    [Fact]
    public async Task AnUnknownDimensionIsABadRequest()
    {
        using var client = await factory.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/purchases/by/shoe-size")).StatusCode);
    }
}

public sealed class PurchasesApiOnSqliteTests(AnalyticsAppFactory factory) : PurchasesApiTests(factory), IClassFixture<AnalyticsAppFactory>;

public sealed class PurchasesApiOnPostgreSqlTests(PostgreSqlAnalyticsAppFactory factory) : PurchasesApiTests(factory), IClassFixture<PostgreSqlAnalyticsAppFactory>;
