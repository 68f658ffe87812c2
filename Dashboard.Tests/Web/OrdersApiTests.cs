using Dashboard.Tests.Support;
using System.Net;
using System.Text.Json;

namespace Dashboard.Tests.Web;

/// <summary>
/// The orders API against the hand-computed answers for <see cref="Integration.Analytics.AnalyticsFixture"/>'s nine lines.
/// </summary>
public abstract class OrdersApiTests(AnalyticsAppFactory factory)
{
    private async Task<JsonElement> Get(string url)
    {
        using var client = await factory.SignedInClientAsync();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task TheWeeksRevenueDriversByCategorySumToItsChange()
    {
        var drivers = await Get("/api/orders/weekly-review/drivers?week=2022-06-13&kpi=revenue&by=category");

        // 2500 (Set 1200.50, kurta 399.50, Western Dress 900; O7 is in USD) against 1300 (Set 500, kurta 800).
        Assert.Equal(1200.00m, drivers.GetProperty("delta").GetDecimal());
        Assert.Equal([("Western Dress", 900.00m), ("Set", 700.50m), ("kurta", -400.50m)],
            drivers.GetProperty("parts").EnumerateArray().Select(p => (p.GetProperty("value").GetString(), p.GetProperty("contribution").GetDecimal())));
        var orders = await Get("/api/orders/weekly-review/drivers?week=2022-06-13&kpi=orders&by=category");
        // O1 and O4 have one Set and one kurta line each: the tie counts them for Set. 3 orders each week.
        Assert.Equal(0m, orders.GetProperty("delta").GetDecimal());
        Assert.Equal([("Western Dress", 1m), ("kurta", -1m), ("Set", 0m)],
            orders.GetProperty("parts").EnumerateArray().Select(p => (p.GetProperty("value").GetString(), p.GetProperty("contribution").GetDecimal())));
    }

    [Theory]
    [InlineData("/api/orders/weekly-review/drivers?kpi=profit", "kpi: 'profit' is not one of")]
    [InlineData("/api/orders/weekly-review/drivers?by=city", "by: 'city' is not one of")]
    [InlineData("/api/orders/weekly-review/drivers?week=soon", "week: 'soon' is not a date")]
    [InlineData("/api/orders/drivers?from=2022-07-01&to=2022-06-01", "from")]
    public async Task DriversRefuseBadParametersWithTheReason(string url, string reason)
    {
        using var client = await factory.SignedInClientAsync();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KpisOverAllDataFollowTheDefinitions()
    {
        var kpis = await Get("/api/orders/kpis");
        var current = kpis.GetProperty("current");
        Assert.Equal(9, current.GetProperty("lines").GetInt32());
        Assert.Equal(2, current.GetProperty("cancelledLines").GetInt32());
        Assert.Equal(7, current.GetProperty("orders").GetInt32());          // O1..O7
        Assert.Equal(10, current.GetProperty("units").GetInt64());          // 1+0+2+0+1+1+3+1+1
        Assert.Equal(4400.00m, current.GetProperty("revenue").GetDecimal()); // INR, not cancelled: 500+800+1200.50+399.50+900+600
        Assert.Equal(5, current.GetProperty("ordersWithSales").GetInt32()); // O1 O2 O4 O5 O6 (O3 cancelled, O7 in USD)
        Assert.Equal(880.00m, current.GetProperty("averageOrderValue").GetDecimal());
        Assert.Equal(2.0 / 9, current.GetProperty("cancellationRate").GetDouble(), 12);
        Assert.Equal("2022-06-06", kpis.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal("2022-07-01", kpis.GetProperty("period").GetProperty("to").GetString());
        Assert.False(kpis.GetProperty("previousHasData").GetBoolean());
        Assert.Equal(JsonValueKind.Null, kpis.GetProperty("orders").GetProperty("previous").ValueKind);
    }

    [Fact]
    public async Task KpisCompareWithThePreviousPeriodOfTheSameLength()
    {
        var kpis = await Get("/api/orders/kpis?from=2022-06-13&to=2022-06-19");
        Assert.Equal("2022-06-06", kpis.GetProperty("previousPeriod").GetProperty("from").GetString());
        Assert.Equal("2022-06-12", kpis.GetProperty("previousPeriod").GetProperty("to").GetString());
        // This week: lines 5,6,7,9. Previous: lines 1-4.
        AssertKpi(kpis.GetProperty("orders"), 3, 3);
        AssertKpi(kpis.GetProperty("units"), 6, 3);
        AssertKpi(kpis.GetProperty("revenue"), 2500.00m, 1300.00m);
        AssertKpi(kpis.GetProperty("averageOrderValue"), 1250.00m, 650.00m);   // 2500/2 (O4,O5); 1300/2 (O1,O2)
        AssertKpi(kpis.GetProperty("cancellationRate"), 0m, 0.5m);
        Assert.Equal(1200m / 1300m, (decimal)kpis.GetProperty("revenue").GetProperty("changeRatio").GetDouble(), 10);
    }

    [Fact]
    public async Task OrdersOverTimeByWeekStartOnMondayAndMarkThePartialLastWeek()
    {
        var data = await Get("/api/orders/over-time?grain=week");
        var points = data.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(["2022-06-06", "2022-06-13", "2022-06-20", "2022-06-27"], points.Select(p => p.GetProperty("start").GetString()));
        Assert.Equal([3, 3, 0, 1], points.Select(p => p.GetProperty("orders").GetInt32()));
        Assert.Equal([3L, 6, 0, 1], points.Select(p => p.GetProperty("units").GetInt64()));
        Assert.Equal([1300.00m, 2500.00m, 0m, 600.00m], points.Select(p => p.GetProperty("revenue").GetDecimal()));
        Assert.Equal([false, false, false, true], points.Select(p => p.GetProperty("partial").GetBoolean()));
    }

    [Fact]
    public async Task OrdersOverTimeByMonthMarksBothPartialMonths()
    {
        var points = (await Get("/api/orders/over-time?grain=month")).GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(["2022-06-01", "2022-07-01"], points.Select(p => p.GetProperty("start").GetString()));
        Assert.Equal([6, 1], points.Select(p => p.GetProperty("orders").GetInt32()));
        Assert.Equal([3800.00m, 600.00m], points.Select(p => p.GetProperty("revenue").GetDecimal()));
        Assert.All(points, p => Assert.True(p.GetProperty("partial").GetBoolean()));
    }

    [Fact]
    public async Task WeekdayVolumeRunsMondayToSunday()
    {
        var days = (await Get("/api/orders/weekdays")).EnumerateArray().ToList();
        Assert.Equal(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], days.Select(d => d.GetProperty("name").GetString()));
        Assert.Equal([2, 2, 1, 0, 1, 0, 1], days.Select(d => d.GetProperty("orders").GetInt32()));
        Assert.Equal([3L, 3, 0, 0, 1, 0, 3], days.Select(d => d.GetProperty("units").GetInt64()));
        Assert.Equal([2100.00m, 800.00m, 0m, 0m, 600.00m, 0m, 900.00m], days.Select(d => d.GetProperty("revenue").GetDecimal()));
    }

    [Fact]
    public async Task SalesByCategoryAreOrderedByRevenue()
    {
        var categories = (await Get("/api/orders/categories")).EnumerateArray().ToList();
        Assert.Equal(["Set", "kurta", "Western Dress"], categories.Select(c => c.GetProperty("category").GetString()));
        Assert.Equal([5, 3, 1], categories.Select(c => c.GetProperty("orders").GetInt32()));
        Assert.Equal([2300.50m, 1199.50m, 900.00m], categories.Select(c => c.GetProperty("revenue").GetDecimal()));
    }

    [Fact]
    public async Task ACategoryFilterNarrowsTheOtherChartsButNotItsOwn()
    {
        var overview = await Get("/api/orders/overview?category=Set");
        var kpis = overview.GetProperty("kpis").GetProperty("current");
        Assert.Equal(5, kpis.GetProperty("orders").GetInt32());               // lines 1,4,5,8,9
        Assert.Equal(2300.50m, kpis.GetProperty("revenue").GetDecimal());
        Assert.Equal(766.83m, kpis.GetProperty("averageOrderValue").GetDecimal()); // 2300.50 / 3 (O1,O4,O6)
        Assert.Equal(0.2, kpis.GetProperty("cancellationRate").GetDouble(), 12);
        var categories = overview.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(3, categories.Count);
        Assert.Equal(["Set"], categories.Where(c => c.GetProperty("selected").GetBoolean()).Select(c => c.GetProperty("category").GetString()));
        var weekdays = overview.GetProperty("weekdays").EnumerateArray().ToList();
        Assert.Equal([2, 1, 1, 0, 1, 0, 0], weekdays.Select(d => d.GetProperty("orders").GetInt32()));
        Assert.Equal([1700.50m, 0m, 0m, 0m, 600.00m, 0m, 0m], weekdays.Select(d => d.GetProperty("revenue").GetDecimal()));
    }

    [Fact]
    public async Task AWeekdayFilterNarrowsTheOtherChartsButNotItsOwn()
    {
        var overview = await Get("/api/orders/overview?weekday=tue");
        Assert.Equal(2, overview.GetProperty("kpis").GetProperty("current").GetProperty("orders").GetInt32()); // O2, O7
        Assert.Equal(7, overview.GetProperty("weekdays").GetArrayLength());
        Assert.True(overview.GetProperty("weekdays")[1].GetProperty("selected").GetBoolean());
        Assert.Equal(["kurta", "Set"], overview.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString()));
    }

    [Fact]
    public async Task AverageMonthlySalesDivideByTheDaysShown()
    {
        var months = (await Get("/api/orders/months")).EnumerateArray().ToList();
        Assert.Equal(25, months[0].GetProperty("days").GetInt32());             // 6..30 June
        Assert.Equal(3800.00m, months[0].GetProperty("revenue").GetDecimal());
        Assert.Equal(4, months[0].GetProperty("ordersWithSales").GetInt32());   // O1 O2 O4 O5
        Assert.Equal(950.00m, months[0].GetProperty("averageOrderValue").GetDecimal());
        Assert.Equal(152.00m, months[0].GetProperty("revenuePerDay").GetDecimal());
        Assert.Equal(1, months[1].GetProperty("days").GetInt32());
        Assert.Equal(600.00m, months[1].GetProperty("revenuePerDay").GetDecimal());
    }

    [Theory]
    [InlineData("status=Cancelled", 2, 0, 0, 1.0)]
    [InlineData("b2b=true", 1, 2, 800, 0.0)]
    [InlineData("state=delhi", 2, 4, 1500, 0.0)]
    [InlineData("fulfilment=Merchant&service=Standard", 2, 2, 800, 0.5)]
    [InlineData("channel=Non-Amazon", 1, 3, 900, 0.0)]
    public async Task EachFilterKeepsOnlyItsLines(string query, int orders, long units, int revenue, double cancellation)
    {
        var current = (await Get("/api/orders/kpis?" + query)).GetProperty("current");
        Assert.Equal(orders, current.GetProperty("orders").GetInt32());
        Assert.Equal(units, current.GetProperty("units").GetInt64());
        Assert.Equal(revenue, current.GetProperty("revenue").GetDecimal());
        Assert.Equal(cancellation, current.GetProperty("cancellationRate").GetDouble(), 12);
    }

    [Fact]
    public async Task MoneyIsShownInOneCurrencyAtATime()
    {
        var overview = await Get("/api/orders/overview?currency=USD");
        Assert.Equal("USD", overview.GetProperty("currency").GetString());
        var current = overview.GetProperty("kpis").GetProperty("current");
        Assert.Equal(10.00m, current.GetProperty("revenue").GetDecimal());
        Assert.Equal(10.00m, current.GetProperty("averageOrderValue").GetDecimal());
        Assert.Equal(7, current.GetProperty("orders").GetInt32());
        Assert.Equal("INR", (await Get("/api/orders/overview")).GetProperty("currency").GetString());
    }

    [Fact]
    public async Task AnUnreadableFilterIsABadRequest()
    {
        using var client = await factory.SignedInClientAsync();
        var response = await client.GetAsync("/api/orders/kpis?from=06-13-22");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("yyyy-MM-dd", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheCategoryCsvHoldsTheSameNumbersAsTheApi()
    {
        using var client = await factory.SignedInClientAsync();
        var response = await client.GetAsync("/api/orders/categories.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sales-by-category.csv", response.Content.Headers.ContentDisposition?.ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(
            "category,orders,units,revenue_INR,selected\r\nSet,5,4,2300.5,false\r\nkurta,3,3,1199.5,false\r\nWestern Dress,1,3,900,false\r\n",
            text);
    }

    [Fact]
    public async Task TheWeeklyReviewDefaultsToTheLastCompleteWeekOfTheData()
    {
        var review = await Get("/api/orders/weekly-review");
        Assert.Equal("2022-06-20", review.GetProperty("lastCompleteWeek").GetString()); // data ends Friday 1 July
        Assert.Equal("2022-06-20", review.GetProperty("week").GetProperty("week").GetProperty("from").GetString());
    }

    [Fact]
    public async Task TheWeeklyReviewComparesAnyWeekWithTheWeekBeforeAndFourWeeksEarlier()
    {
        var review = await Get("/api/orders/weekly-review?week=2022-06-15");  // a Wednesday: its week starts 13 June
        Assert.Equal("2022-06-13", review.GetProperty("week").GetProperty("week").GetProperty("from").GetString());
        var kpis = review.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("name").GetString()!);
        Assert.Equal(3m, kpis["Orders"].GetProperty("value").GetDecimal());
        Assert.Equal(3m, kpis["Orders"].GetProperty("previousWeek").GetDecimal());
        Assert.Equal(JsonValueKind.Null, kpis["Orders"].GetProperty("fourWeeksEarlier").ValueKind); // 16-22 May: before the data
        Assert.Equal(2500.00m, kpis["Revenue"].GetProperty("value").GetDecimal());
        Assert.Equal(1300.00m, kpis["Revenue"].GetProperty("previousWeek").GetDecimal());
        Assert.Equal(1200m, kpis["Revenue"].GetProperty("vsPreviousWeek").GetProperty("change").GetDecimal());
        var movers = review.GetProperty("categoryMovers").EnumerateArray().ToList();
        Assert.Equal(["Western Dress", "Set", "kurta"], movers.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal([900m, 700.50m, -400.50m], movers.Select(m => m.GetProperty("revenueChange").GetDecimal()));
        var states = review.GetProperty("stateMovers").EnumerateArray().ToList();
        Assert.Equal(["MAHARASHTRA", "DELHI", "KARNATAKA", "GOA"], states.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal([1100m, 900m, -800m, 0m], states.Select(m => m.GetProperty("revenueChange").GetDecimal()));
        var days = review.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal([1, 1, 0, 0, 0, 0, 1], days.Select(d => d.GetProperty("orders").GetInt32()));
        Assert.Equal([1, 1, 1, 0, 0, 0, 0], days.Select(d => d.GetProperty("previousWeekOrders").GetInt32()));
    }

    private static void AssertKpi(JsonElement kpi, decimal value, decimal previous)
    {
        Assert.Equal(value, kpi.GetProperty("value").GetDecimal());
        Assert.Equal(previous, kpi.GetProperty("previous").GetDecimal());
    }
}

public sealed class OrdersApiOnSqliteTests(AnalyticsAppFactory factory) : OrdersApiTests(factory), IClassFixture<AnalyticsAppFactory>;

public sealed class OrdersApiOnPostgreSqlTests(PostgreSqlAnalyticsAppFactory factory) : OrdersApiTests(factory), IClassFixture<PostgreSqlAnalyticsAppFactory>;
