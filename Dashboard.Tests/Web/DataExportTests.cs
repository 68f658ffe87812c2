using System.Net;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Parquet;
using Parquet.Schema;

namespace Dashboard.Tests.Web;

/// <summary>
/// The Parquet and Arrow downloads of the filtered rows, read back with Parquet.Net and Apache.Arrow, against the JSON
/// API for the same filter (<see cref="Integration.Analytics.AnalyticsFixture"/>'s nine order lines and five purchases).
/// </summary>
public abstract class DataExportTests(AnalyticsAppFactory factory)
{
    public static TheoryData<string> OrderFilters => new()
    {
        "",
        "from=2022-06-13&to=2022-06-19",
        "category=Set&weekday=mon",
        "status=Cancelled&status=Delivered&b2b=false",
        "state=MAHARASHTRA&state=goa",
        "from=2022-07-02",
    };

    [Theory]
    [MemberData(nameof(OrderFilters))]
    public async Task TheParquetLinesHaveTheApisRowCountAndRevenue(string query)
    {
        var kpis = (await GetJson($"/api/orders/kpis?{query}"));
        var lines = await ReadParquet(await GetBytes($"/api/orders/lines.parquet?{query}", "application/vnd.apache.parquet"));

        var expectedLines = kpis.ValueKind == JsonValueKind.Null ? 0 : kpis.GetProperty("current").GetProperty("lines").GetInt32();
        Assert.Equal(expectedLines, lines.Count);
        if (expectedLines > 0)
        {
            var current = kpis.GetProperty("current");
            Assert.Equal(current.GetProperty("revenue").GetDecimal(), Revenue(lines));
            Assert.Equal(current.GetProperty("units").GetInt64(), lines.Sum(l => (long)l.Qty));
            Assert.Equal(current.GetProperty("orders").GetInt32(), lines.Select(l => l.OrderId).Distinct().Count());
            Assert.Equal(current.GetProperty("cancelledLines").GetInt32(), lines.Count(l => l.StatusGroup == "Cancelled"));
        }
    }

    [Theory]
    [MemberData(nameof(OrderFilters))]
    public async Task TheArrowLinesEqualTheParquetLines(string query)
    {
        var parquet = await ReadParquet(await GetBytes($"/api/orders/lines.parquet?{query}", "application/vnd.apache.parquet"));
        var arrow = await ReadArrow(await GetBytes($"/api/orders/lines.arrow?{query}", "application/vnd.apache.arrow.stream"));
        Assert.Equal(parquet, arrow);
    }

    [Fact]
    public async Task TheFilesCarryTypedDatesAndMoneyAndDictionaryCodedText()
    {
        var bytes = await GetBytes("/api/orders/lines.parquet", "application/vnd.apache.parquet");
        await using (var reader = await ParquetReader.CreateAsync(new MemoryStream(bytes), new ParquetOptions { UseDateOnlyTypeForDates = true }))
        {
            Assert.Equal(typeof(DateOnly), reader.Schema.FindDataField("date").ClrType);
            var amount = Assert.IsType<DecimalDataField>(reader.Schema.FindDataField("amount"));
            Assert.Equal((18, 2), (amount.Precision, amount.Scale));
            Assert.Equal(typeof(int), reader.Schema.FindDataField("qty").ClrType);
            Assert.Equal(typeof(bool), reader.Schema.FindDataField("b2b").ClrType);
        }

        using var stream = new ArrowStreamReader(new MemoryStream(await GetBytes("/api/orders/lines.arrow", "application/vnd.apache.arrow.stream")));
        using var batch = await stream.ReadNextRecordBatchAsync();
        Assert.IsType<Date32Type>(batch.Schema.GetFieldByName("date").DataType);
        var money = Assert.IsType<Decimal128Type>(batch.Schema.GetFieldByName("amount").DataType);
        Assert.Equal((18, 2), (money.Precision, money.Scale));
        foreach (var name in new[] { "status_group", "category", "state", "fulfilment", "sales_channel", "service_level", "currency" })
        {
            var type = Assert.IsType<DictionaryType>(batch.Schema.GetFieldByName(name).DataType);
            Assert.IsType<Int16Type>(type.IndexType);
        }
        // O3 is cancelled without an amount or currency: nulls, not zeros.
        var o3 = (await ReadArrow(await GetBytes("/api/orders/lines.arrow", "application/vnd.apache.arrow.stream"))).Single(l => l.OrderId == "O3");
        Assert.Null(o3.Amount);
        Assert.Null(o3.Currency);
        Assert.Equal(new DateOnly(2022, 6, 8), o3.Date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("gender=M")]
    [InlineData("age=26-35&married=Single")]
    [InlineData("city=C&product1=3")]
    public async Task ThePurchaseFilesHaveTheSummarysCountAndTotal(string query)
    {
        var summary = await GetJson($"/api/purchases/summary?{query}");
        var parquet = await GetBytes($"/api/purchases/transactions.parquet?{query}", "application/vnd.apache.parquet");
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(parquet));
        var purchases = new List<int>();
        var genders = new List<string?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var values = new int[group.RowCount];
            await group.ReadAsync<int>(reader.Schema.FindDataField("purchase"), values);
            purchases.AddRange(values);
            var gender = new string?[group.RowCount];
            await group.ReadAsync(reader.Schema.FindDataField("gender"), gender.AsMemory());
            genders.AddRange(gender);
        }
        Assert.Equal(summary.GetProperty("count").GetInt32(), purchases.Count);
        Assert.Equal(summary.GetProperty("total").GetInt64(), purchases.Sum(p => (long)p));
        if (query == "gender=M")
        {
            Assert.All(genders, g => Assert.Equal("M", g));
        }

        using var arrow = new ArrowStreamReader(new MemoryStream(await GetBytes($"/api/purchases/transactions.arrow?{query}", "application/vnd.apache.arrow.stream")));
        var (rows, total) = (0, 0L);
        while (await arrow.ReadNextRecordBatchAsync() is { } batch)
        {
            using (batch)
            {
                var amounts = (Int32Array)batch.Column("purchase");
                total += Enumerable.Range(0, batch.Length).Sum(i => (long)amounts.GetValue(i)!.Value);
                rows += batch.Length;
                Assert.IsType<DictionaryArray>(batch.Column("age"));
            }
        }
        Assert.Equal(purchases.Count, rows);
        Assert.Equal(summary.GetProperty("total").GetInt64(), total);

        var csv = (await GetText($"/api/purchases/transactions.csv?{query}")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(purchases.Count, csv.Length - 1);
        Assert.Equal(summary.GetProperty("total").GetInt64(), csv.Skip(1).Sum(l => long.Parse(l.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ADownloadLargerThanABatchIsWrittenABatchAtATime()
    {
        var parquet = await GetBytes("/api/orders/lines.parquet", "application/vnd.apache.parquet");
        var lines = await ReadParquet(parquet);
        Assert.True(lines.Count > AnalyticsAppFactory.DownloadBatchRows);
        var batches = (lines.Count + AnalyticsAppFactory.DownloadBatchRows - 1) / AnalyticsAppFactory.DownloadBatchRows;
        await using (var reader = await ParquetReader.CreateAsync(new MemoryStream(parquet)))
        {
            Assert.Equal(batches, reader.RowGroupCount);
        }
        using var arrow = new ArrowStreamReader(new MemoryStream(await GetBytes("/api/orders/lines.arrow", "application/vnd.apache.arrow.stream")));
        var arrowBatches = 0;
        while (await arrow.ReadNextRecordBatchAsync() is { } batch)
        {
            batch.Dispose();
            arrowBatches++;
        }
        Assert.Equal(batches, arrowBatches);
    }

    [Theory]
    [MemberData(nameof(OrderFilters))]
    public async Task TheCsvLinesAreTheParquetLines(string query)
    {
        var parquet = await ReadParquet(await GetBytes($"/api/orders/lines.parquet?{query}", "application/vnd.apache.parquet"));
        var csv = (await GetText($"/api/orders/lines.csv?{query}")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("order_id,sku,date,status,status_group,fulfilment,sales_channel,service_level,category,size,state,city,qty,currency,amount,b2b", csv[0]);
        Assert.Equal(parquet.Count, csv.Length - 1);
        Assert.Equal(parquet.Select(l => $"{l.OrderId},{l.Sku},{l.Date:yyyy-MM-dd}"), csv.Skip(1).Select(l => string.Join(',', l.Split(',')[..3])));
    }

    [Fact]
    public async Task WhenEveryDownloadSlotIsTakenADownloadIsRefusedWith503AndRetryAfter()
    {
        var slots = factory.Services.GetRequiredService<Dashboard.Web.Api.DownloadSlots>();
        var taken = new List<IDisposable>();
        while (slots.TryTake() is { } slot)
        {
            taken.Add(slot);
        }
        using var client = await factory.SignedInClientAsync();
        try
        {
            foreach (var file in new[] { "/api/orders/lines.parquet", "/api/orders/lines.csv", "/api/purchases/transactions.arrow" })
            {
                var busy = await client.GetAsync(file);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
                Assert.True(busy.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            }
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/orders/kpis")).StatusCode); // the rest of the API answers
        }
        finally
        {
            taken.ForEach(s => s.Dispose());
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/orders/lines.parquet")).StatusCode);
    }

    [Fact]
    public async Task OnlyAnalystsMayDownloadTheRows()
    {
        string[] files = ["/api/orders/lines.parquet", "/api/orders/lines.arrow", "/api/orders/lines.csv", "/api/purchases/transactions.parquet",
            "/api/purchases/transactions.arrow", "/api/purchases/transactions.csv"];
        await factory.Services.AddUserAsync("export-viewer", Role.Viewer);
        await factory.Services.AddUserAsync("export-analyst", Role.Analyst);
        using var viewer = await factory.SignedInClientAsync("export-viewer");
        using var analyst = await factory.SignedInClientAsync("export-analyst");
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var file in files)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(file)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(file)).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(file)).StatusCode);
        }
    }

    [Fact]
    public async Task ABadFilterIsRefusedLikeOnTheJsonApi()
    {
        using var client = await factory.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/orders/lines.parquet?from=yesterday")).StatusCode);
    }

    private sealed record Line(string OrderId, string Sku, DateOnly Date, string? StatusGroup, string? Category, string? State, string? Currency, int Qty, decimal? Amount, bool B2B);

    private static decimal Revenue(IEnumerable<Line> lines) =>
        lines.Where(l => l.StatusGroup != "Cancelled" && l.Currency == "INR").Sum(l => l.Amount ?? 0);

    private static async Task<List<Line>> ReadParquet(byte[] bytes)
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(bytes), new ParquetOptions { UseDateOnlyTypeForDates = true });
        var lines = new List<Line>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            async Task<string?[]> Text(string name)
            {
                var values = new string?[n];
                await group.ReadAsync(reader.Schema.FindDataField(name), values.AsMemory());
                return values;
            }
            var orderIds = await Text("order_id");
            var skus = await Text("sku");
            var groups = await Text("status_group");
            var categories = await Text("category");
            var states = await Text("state");
            var currencies = await Text("currency");
            var dates = new DateOnly[n];
            await group.ReadAsync<DateOnly>(reader.Schema.FindDataField("date"), dates);
            var qty = new int[n];
            await group.ReadAsync<int>(reader.Schema.FindDataField("qty"), qty);
            var amounts = new decimal?[n];
            await group.ReadAsync<decimal>(reader.Schema.FindDataField("amount"), amounts);
            var b2b = new bool[n];
            await group.ReadAsync<bool>(reader.Schema.FindDataField("b2b"), b2b);
            for (var i = 0; i < n; i++)
            {
                lines.Add(new Line(orderIds[i]!, skus[i]!, dates[i], groups[i], categories[i], states[i], currencies[i], qty[i], amounts[i], b2b[i]));
            }
        }
        return lines;
    }

    private static async Task<List<Line>> ReadArrow(byte[] bytes)
    {
        using var reader = new ArrowStreamReader(new MemoryStream(bytes));
        var lines = new List<Line>();
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            using (batch)
            {
                var orderIds = (StringArray)batch.Column("order_id");
                var skus = (StringArray)batch.Column("sku");
                var dates = (Date32Array)batch.Column("date");
                var qty = (Int32Array)batch.Column("qty");
                var amounts = (Decimal128Array)batch.Column("amount");
                var b2b = (BooleanArray)batch.Column("b2b");
                for (var i = 0; i < batch.Length; i++)
                {
                    lines.Add(new Line(orderIds.GetString(i), skus.GetString(i), dates.GetDateOnly(i)!.Value,
                        Decoded(batch, "status_group", i), Decoded(batch, "category", i), Decoded(batch, "state", i), Decoded(batch, "currency", i),
                        qty.GetValue(i)!.Value, amounts.GetValue(i), b2b.GetValue(i)!.Value));
                }
            }
        }
        return lines;
    }

    private static string? Decoded(RecordBatch batch, string column, int row)
    {
        var array = (DictionaryArray)batch.Column(column);
        var indices = (Int16Array)array.Indices;
        return indices.GetValue(row) is { } code ? ((StringArray)array.Dictionary).GetString(code) : null;
    }

    private async Task<JsonElement> GetJson(string url)
    {
        using var client = await factory.SignedInClientAsync();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<string> GetText(string url)
    {
        using var client = await factory.SignedInClientAsync();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<byte[]> GetBytes(string url, string contentType)
    {
        using var client = await factory.SignedInClientAsync();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}

public sealed class DataExportOnSqliteTests(AnalyticsAppFactory factory) : DataExportTests(factory), IClassFixture<AnalyticsAppFactory>;

public sealed class DataExportOnPostgreSqlTests(PostgreSqlAnalyticsAppFactory factory) : DataExportTests(factory), IClassFixture<PostgreSqlAnalyticsAppFactory>;
