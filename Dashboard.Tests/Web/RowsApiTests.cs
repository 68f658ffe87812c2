using System.Net;
using System.Text.Json;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using MiniExcelLibs;

namespace Dashboard.Tests.Web;

/// <summary>
/// <c>/api/orders/rows</c>, its downloads, <c>/api/orders/by-id</c> and <c>/api/purchases/rows</c> over
/// <see cref="Integration.Analytics.AnalyticsFixture"/>'s nine order lines and five purchases.
/// </summary>
public abstract class RowsApiTests(AnalyticsAppFactory factory)
{
    [Theory]
    [InlineData("")]
    [InlineData("category=Set&weekday=mon")]
    [InlineData("status=Cancelled&status=Delivered&b2b=false")]
    [InlineData("from=2022-06-13&to=2022-06-19")]
    public async Task ThePagesTotalsAreTheKpisOfTheSameFilter(string query)
    {
        using var client = await factory.SignedInClientAsync();
        var kpis = await Json(client, $"/api/orders/kpis?{query}");
        var rows = await Json(client, $"/api/orders/rows?{query}&limit=1");

        var current = kpis.GetProperty("current");
        Assert.Equal(current.GetProperty("lines").GetInt32(), rows.GetProperty("total").GetInt32());
        Assert.Equal(current.GetProperty("orders").GetInt32(), rows.GetProperty("orders").GetInt32());
        Assert.Equal(current.GetProperty("units").GetInt64(), rows.GetProperty("units").GetInt64());
        Assert.Equal(current.GetProperty("revenue").GetDecimal(), rows.GetProperty("revenue").GetDecimal());
        Assert.Equal(Math.Min(1, current.GetProperty("lines").GetInt32()), rows.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task ARowHasTheDocumentedFieldsAndThePageFollowsTheSort()
    {
        using var client = await factory.SignedInClientAsync();
        var page = await Json(client, "/api/orders/rows?category=Set&sort=amount&dir=desc&offset=1&limit=2");

        var rows = page.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["orderId", "sku", "date", "status", "statusGroup", "category", "size", "qty", "currency", "amount", "city", "state",
            "fulfilment", "channel", "serviceLevel", "b2b"], rows[0].EnumerateObject().Select(p => p.Name));
        // Set by amount, descending: O4 1,200.50, O6 600.00, O1 500.00, O7 10.00, O3 none (last); the page starts at the second.
        Assert.Equal(["O6", "O1"], rows.Select(r => r.GetProperty("orderId").GetString()));
        Assert.Equal(600.00m, rows[0].GetProperty("amount").GetDecimal());
        Assert.Equal("2022-07-01", rows[0].GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.String, rows[0].GetProperty("statusGroup").ValueKind); // a name, not a number
    }

    [Theory]
    [InlineData("sort=price", "sort: 'price' is not a column")]
    [InlineData("dir=up", "dir: 'up' is not asc or desc")]
    [InlineData("offset=-1", "offset: -1 is negative")]
    [InlineData("offset=many", "offset: 'many' is not a whole number")]
    [InlineData("limit=1001", "limit: 1001 is not between 1 and 1000")]
    [InlineData("limit=0", "limit: 0 is not between 1 and 1000")]
    [InlineData("from=2022-07-01&to=2022-06-01", "is after")]
    [InlineData("after=bm90LWEtY3Vyc29y", "after: 'bm90LWEtY3Vyc29y' is not a cursor of this API")]
    [InlineData("after=%25%25", "after: '%%' is not a cursor of this API")]
    [InlineData("after=YW1vdW50fmR-MTJ-PXR3ZWx2ZQ", "holds 'twelve', not a value of amount")]
    [InlineData("sort=date&after=YW1vdW50fmR-MTJ-PTEwMA", "after: the cursor is of the sort by amount desc, not of this one")]
    public async Task ABadKeyAnswers400WithTheReason(string query, string reason)
    {
        using var client = await factory.SignedInClientAsync();
        foreach (var path in new[] { "/api/orders/rows", "/api/orders/rows.csv", "/api/orders/rows.xlsx" })
        {
            var response = await client.GetAsync($"{path}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FollowingEachPagesNextCursorGivesEveryRowOnceInTheSort()
    {
        using var client = await factory.SignedInClientAsync();
        var orders = new List<string?>();
        var query = "/api/orders/rows?category=Set&sort=amount&dir=desc&limit=2";
        for (var next = ""; next is not null;)
        {
            var page = await Json(client, next.Length == 0 ? query : $"{query}&after={Uri.EscapeDataString(next)}");
            orders.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("orderId").GetString()));
            Assert.Equal(5, page.GetProperty("total").GetInt32());
            next = page.GetProperty("next").GetString();
        }
        // Set by amount, descending: O4 1,200.50, O6 600.00, O1 500.00, O7 10.00, O3 none (last), in pages of two.
        Assert.Equal(["O4", "O6", "O1", "O7", "O3"], orders);
    }

    [Fact]
    public async Task AnOrdersStoryHasAllItsLinesAndAnUnknownOrderIs404()
    {
        using var client = await factory.SignedInClientAsync();
        var story = await Json(client, "/api/orders/by-id/O1");
        var lines = story.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(["A", "B"], lines.Select(l => l.GetProperty("line").GetProperty("sku").GetString()));
        Assert.All(lines, l => Assert.NotEmpty(l.GetProperty("history").EnumerateArray()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/orders/by-id/NO-SUCH")).StatusCode);
    }

    [Fact]
    public async Task TheDownloadsHoldEveryMatchingRowInThePagesSort()
    {
        using var client = await factory.SignedInClientAsync();
        const string query = "sort=amount&dir=desc&b2b=false";
        var page = (await Json(client, $"/api/orders/rows?{query}&limit=1000")).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("orderId").GetString()).ToList();

        var xlsx = await client.GetAsync($"/api/orders/rows.xlsx?{query}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = MiniExcel.Query(workbook, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(page, sheet.Select(r => (string?)r["order_id"]));

        var csv = (await client.GetStringAsync($"/api/orders/rows.csv?{query}")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(page, csv.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public async Task ThePurchaseRowsTotalsAreTheSummarysCountAndTotal()
    {
        using var client = await factory.SignedInClientAsync();
        foreach (var query in new[] { "", "gender=F", "age=26-35&married=Married" })
        {
            var summary = await Json(client, $"/api/purchases/summary?{query}");
            var rows = await Json(client, $"/api/purchases/rows?{query}&sort=purchase&dir=desc");
            Assert.Equal(summary.GetProperty("count").GetInt32(), rows.GetProperty("transactions").GetInt32());
            Assert.Equal(summary.GetProperty("total").GetInt64(), rows.GetProperty("total").GetInt64());
            var purchases = rows.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("purchase").GetInt32()).ToList();
            Assert.Equal(purchases.OrderDescending(), purchases);
        }
    }

    [Fact]
    public async Task OnlyAnalystsMayReadTheRows()
    {
        await factory.Services.AddUserAsync("rows-viewer", Role.Viewer);
        using var viewer = await factory.SignedInClientAsync("rows-viewer");
        foreach (var path in new[] { "/api/orders/rows", "/api/orders/rows.xlsx", "/api/orders/by-id/O1", "/api/purchases/rows", "/api/purchases/rows.csv" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(path)).StatusCode);
        }
    }

    private static async Task<JsonElement> Json(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}

public sealed class RowsApiOnSqliteTests(AnalyticsAppFactory factory) : RowsApiTests(factory), IClassFixture<AnalyticsAppFactory>;

public sealed class RowsApiOnPostgreSqlTests(PostgreSqlAnalyticsAppFactory factory) : RowsApiTests(factory), IClassFixture<PostgreSqlAnalyticsAppFactory>;
