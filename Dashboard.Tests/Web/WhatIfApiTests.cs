using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Scoring;
using Dashboard.Core.Models.Store;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Web;

/// <summary>
/// The What-if API checks every input against its range before scoring (docs/decisions/0021-whatif-input-ranges.md):
/// anything out of range, missing or unreadable is a 400 problem-details answer naming the field and the reason, never a
/// 500 and never a silent default; a valid request is scored exactly as the models score it.
/// </summary>
public sealed class WhatIfApiTests(TrainedModelsAppFactory app) : IClassFixture<TrainedModelsAppFactory>
{
    private const string Cancellation = "/api/what-if/cancellation";
    private const string Purchase = "/api/what-if/purchase";

    private static JsonObject Order() => new()
    {
        ["city"] = "MUMBAI", ["state"] = "MAHARASHTRA", ["amount"] = 799.5m, ["category"] = "kurta", ["size"] = "M",
        ["fulfilment"] = "Merchant", ["salesChannel"] = "Amazon.in", ["serviceLevel"] = "Standard", ["b2b"] = false, ["weekday"] = "Friday",
    };

    private static JsonObject Customer() => new()
    {
        ["userId"] = 1000007, ["productId"] = "P00042", ["gender"] = "F", ["ageBand"] = "26-35", ["occupation"] = 7, ["cityCategory"] = "B",
        ["stayYears"] = 2, ["married"] = true, ["productCategory1"] = 5, ["productCategory2"] = 8, ["productCategory3"] = null,
    };

    /// <summary>The valid order or customer with <paramref name="field"/> set to the raw JSON <paramref name="value"/> (removed when null).</summary>
    private static string With(JsonObject body, string field, string? value)
    {
        body.Remove(field);
        var json = body.ToJsonString();
        return value is null ? json : json.TrimEnd('}') + $",\"{field}\":{value}}}";
    }

    public static TheoryData<string, string, string, string> Refused => new()
    {
        // path, body, the field named, the reason (a fragment of it)
        { Cancellation, With(Order(), "amount", "5.3e28"), "amount", "largest amount" },
        { Cancellation, With(Order(), "amount", "79228162514264337593543950335"), "amount", "largest amount" },
        { Cancellation, With(Order(), "amount", "10000000.01"), "amount", "largest amount" },
        { Cancellation, With(Order(), "amount", "1e308"), "amount", "a number" },
        { Cancellation, With(Order(), "amount", "1e400"), "amount", "a number" },
        { Cancellation, With(Order(), "amount", "-5"), "amount", "negative" },
        { Cancellation, With(Order(), "amount", "\"NaN\""), "amount", "a number" },
        { Cancellation, With(Order(), "amount", "\"Infinity\""), "amount", "a number" },
        { Cancellation, With(Order(), "amount", "\"-Infinity\""), "amount", "a number" },
        { Cancellation, With(Order(), "amount", "\"lots\""), "amount", "a number" },
        { Cancellation, With(Order(), "amount", "true"), "amount", "a number" },
        { Cancellation, With(Order(), "amount", "null"), "amount", "required" },
        { Cancellation, With(Order(), "amount", null), "amount", "required" },
        { Cancellation, With(Order(), "weekday", "99"), "weekday", "0 (Sunday) to 6 (Saturday)" },
        { Cancellation, With(Order(), "weekday", "-1"), "weekday", "0 (Sunday) to 6 (Saturday)" },
        { Cancellation, With(Order(), "weekday", "7"), "weekday", "0 (Sunday) to 6 (Saturday)" },
        { Cancellation, With(Order(), "weekday", "\"Funday\""), "weekday", "0 (Sunday) to 6 (Saturday)" },
        { Cancellation, With(Order(), "weekday", "1e400"), "weekday", "0 (Sunday) to 6 (Saturday)" },
        { Cancellation, With(Order(), "weekday", null), "weekday", "required" },
        { Cancellation, With(Order(), "b2b", "\"maybe\""), "b2b", "true or false" },
        { Cancellation, With(Order(), "b2b", null), "b2b", "required" },
        { Cancellation, With(Order(), "fulfilment", "42"), "fulfilment", "text" },
        { Purchase, With(Customer(), "occupation", "99"), "occupation", "0 to 20" },
        { Purchase, With(Customer(), "occupation", "1e400"), "occupation", "whole number" },
        { Purchase, With(Customer(), "occupation", "2.5"), "occupation", "whole number" },
        { Purchase, With(Customer(), "occupation", null), "occupation", "required" },
        { Purchase, With(Customer(), "stayYears", "-1"), "stayYears", "0 to 4" },
        { Purchase, With(Customer(), "productCategory1", "0"), "productCategory1", "1 to 20" },
        { Purchase, With(Customer(), "productCategory1", null), "productCategory1", "required" },
        { Purchase, With(Customer(), "productCategory2", "21"), "productCategory2", "1 to 20" },
        { Purchase, With(Customer(), "gender", "\"X\""), "gender", "F, M" },
        { Purchase, With(Customer(), "ageBand", "\"200+\""), "ageBand", "0-17" },
        { Purchase, With(Customer(), "cityCategory", "\"Z\""), "cityCategory", "A, B, C" },
        { Purchase, With(Customer(), "married", null), "married", "required" },
        { Purchase, With(Customer(), "userId", "1e400"), "userId", "whole number" },
        { Purchase, With(Customer(), "userId", "\"NaN\""), "userId", "whole number" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AnInputOutOfRangeMissingOrUnreadableIsA400ProblemNamingTheField(string path, string body, string field, string reason)
    {
        using var client = await app.SignedInClientAsync(TestUsers.Admin);

        var (status, problem) = await PostAsync(client, path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = Errors(problem);
        Assert.True(errors.ContainsKey(field), $"{body} named {string.Join(", ", errors.Keys)}");
        Assert.Contains(reason, string.Join(" ", errors[field]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Cancellation, "amount", "weekday", "b2b")]
    [InlineData(Purchase, "occupation", "stayYears", "married", "productCategory1")]
    public async Task AnEmptyObjectNamesEveryRequiredInput(string path, params string[] required)
    {
        using var client = await app.SignedInClientAsync(TestUsers.Admin);

        var (status, problem) = await PostAsync(client, path, "{}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = Errors(problem);
        Assert.Equal(required.Order(), errors.Keys.Order());
        Assert.All(errors.Values, e => Assert.Contains("required", e[0], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Cancellation, "{\"amount\": 5")]
    [InlineData(Cancellation, "not json")]
    [InlineData(Cancellation, "")]
    [InlineData(Cancellation, "null")]
    [InlineData(Cancellation, "[1, 2]")]
    [InlineData(Cancellation, "\"amount\"")]
    [InlineData(Purchase, "{\"occupation\": }")]
    [InlineData(Purchase, "null")]
    public async Task AMalformedBodyIsA400ProblemAboutTheBody(string path, string body)
    {
        using var client = await app.SignedInClientAsync(TestUsers.Admin);

        var (status, problem) = await PostAsync(client, path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("JSON object", string.Join(" ", Errors(problem)["body"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Cancellation)]
    [InlineData(Purchase)]
    public async Task ATenMegabyteBodyIsRefusedWithAProblemBeforeItIsRead(string path)
    {
        using var client = await app.SignedInClientAsync(TestUsers.Admin);
        var body = "{\"city\":\"" + new string('A', 10 << 20) + "\"}";

        var (status, problem) = await PostAsync(client, path, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("64 KB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsA415Problem()
    {
        using var client = await app.SignedInClientAsync(TestUsers.Admin);

        using var response = await client.PostAsync(Cancellation, new StringContent(Order().ToJsonString(), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AValidOrderIsScoredExactlyAsTheActiveModelsScoreIt()
    {
        using var client = await app.SignedInClientAsync(TestUsers.Admin);
        var input = new CancellationInput
        {
            City = "MUMBAI", State = "MAHARASHTRA", Amount = 799.5m, Category = "kurta", Size = "M", Fulfilment = "Merchant",
            SalesChannel = "Amazon.in", ServiceLevel = "Standard", B2B = false, Weekday = DayOfWeek.Friday,
        };
        var expected = WhatIfService.Score(await Models(), input);

        using var response = await client.PostAsync(Cancellation, Json(Order().ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSameJson(expected, await response.Content.ReadAsStringAsync());
        Assert.True(expected!.Prediction.Probability is > 0 and < 1);
    }

    [Fact]
    public async Task AValidCustomerIsScoredExactlyAsTheActiveModelsScoreIt()
    {
        using var client = await app.SignedInClientAsync(TestUsers.Admin);
        var input = new PurchaseInput
        {
            UserId = 1000007, ProductId = "P00042", Gender = "F", AgeBand = "26-35", Occupation = 7, CityCategory = "B", StayYears = 2,
            Married = true, ProductCategory1 = 5, ProductCategory2 = 8,
        };
        var expected = WhatIfService.Score(await Models(), input);

        using var response = await client.PostAsync(Purchase, Json(Customer().ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSameJson(expected, await response.Content.ReadAsStringAsync());
        Assert.True(expected!.Prediction.Amount > 0);
    }

    [Theory]
    [InlineData("weekday", "5")]
    [InlineData("weekday", "\"friday\"")]
    [InlineData("amount", "\"799.5\"")]
    [InlineData("amount", "7.995e2")]
    public async Task TheSameOrderWrittenAnotherAcceptedWayScoresTheSame(string field, string value)
    {
        using var client = await app.SignedInClientAsync(TestUsers.Admin);
        using var plain = await client.PostAsync(Cancellation, Json(Order().ToJsonString()));

        using var other = await client.PostAsync(Cancellation, Json(With(Order(), field, value)));

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await other.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("category", "Spaceship")]
    [InlineData("state", "ATLANTIS")]
    [InlineData("size", "XXXXL")]
    public async Task AValueTheModelNeverSawIsScoredAsTheRareLevelNotRefused(string field, string unseen)
    {
        // Decision 0021: an order's text inputs are open (the stores hold values the model kept only as "(other)"); an
        // unseen one is scored as the model's rare level, which is what "(other)" itself scores.
        using var client = await app.SignedInClientAsync(TestUsers.Admin);
        var body = Order();
        body[field] = unseen;
        var asOther = Order();
        asOther[field] = CategoryIndex.OtherLevel;

        using var response = await client.PostAsync(Cancellation, Json(body.ToJsonString()));
        using var other = await client.PostAsync(Cancellation, Json(asOther.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var risk = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("prediction").GetProperty("probability").GetDouble();
        var otherRisk = JsonDocument.Parse(await other.Content.ReadAsStringAsync()).RootElement.GetProperty("prediction").GetProperty("probability").GetDouble();
        Assert.Equal(otherRisk, risk);
    }

    private async Task<ActiveModelSet> Models() => await app.Services.GetRequiredService<ActiveModels>().GetAsync();

    private void AssertSameJson<T>(T expected, string actual)
    {
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(expected, options), JsonNode.Parse(actual)),
            $"expected {JsonSerializer.Serialize(expected, options)}\nactual {actual}");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<(HttpStatusCode Status, JsonElement Problem)> PostAsync(HttpClient client, string path, string body)
    {
        using var response = await client.PostAsync(path, Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{(int)response.StatusCode} {response.Content.Headers.ContentType}: '{text[..Math.Min(200, text.Length)]}'");
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static Dictionary<string, string[]> Errors(JsonElement problem) =>
        problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
}
