using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web;

/// <summary>
/// Events on the timeline through the API, on both stores (schema step 13): analysts and admins add and delete, viewers
/// only read, bad input is a 400 naming the field, and every change is in the audit log.
/// </summary>
public abstract class EventsApiTests(AnalyticsAppFactory factory)
{
    private async Task<HttpClient> SignedInAs(Role role, string name)
    {
        await factory.Services.AddUserAsync(name, role);
        return await factory.SignedInClientAsync(name);
    }

    [Fact]
    public async Task AnAnalystAddsAndDeletesAnEventAndBothAreAudited()
    {
        using var analyst = await SignedInAs(Role.Analyst, "events-analyst");

        var created = await analyst.PostAsJsonAsync("/api/events",
            new { label = "kurta out of stock", start = "2022-06-13", end = "2022-06-15", category = "kurta", excludeFromModels = true });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var saved = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = saved.GetProperty("id").GetInt64();
        Assert.Equal(("2022-06-13", "2022-06-15", "kurta", true, "events-analyst"), (saved.GetProperty("start").GetString(), saved.GetProperty("end").GetString(),
            saved.GetProperty("category").GetString(), saved.GetProperty("excludeFromModels").GetBoolean(), saved.GetProperty("createdBy").GetString()));
        var listed = await analyst.GetFromJsonAsync<JsonElement>("/api/events?from=2022-06-14&to=2022-06-14");
        Assert.Contains(listed.EnumerateArray(), e => e.GetProperty("id").GetInt64() == id);
        var before = await analyst.GetFromJsonAsync<JsonElement>("/api/events?to=2022-06-12");
        Assert.DoesNotContain(before.EnumerateArray(), e => e.GetProperty("id").GetInt64() == id);

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/events/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.DeleteAsync($"/api/events/{id}")).StatusCode);

        var audit = await factory.Services.GetRequiredService<AuditLog>().RecentAsync();
        Assert.Contains(audit, a => a is { UserName: "events-analyst", Action: AuditLog.Actions.EventAdded } && a.Detail!.Contains("'kurta out of stock' 2022-06-13 to 2022-06-15, category kurta", StringComparison.Ordinal));
        Assert.Contains(audit, a => a is { UserName: "events-analyst", Action: AuditLog.Actions.EventDeleted } && a.Detail!.Contains("kurta out of stock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AViewerReadsTheEventsButCannotAddOrDeleteThem()
    {
        using var admin = await factory.SignedInClientAsync();
        var created = await admin.PostAsJsonAsync("/api/events", new { label = "Prime Day", start = "2022-07-12" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var viewer = await SignedInAs(Role.Viewer, "events-viewer");

        var listed = await viewer.GetFromJsonAsync<JsonElement>("/api/events");

        Assert.Contains(listed.EnumerateArray(), e => e.GetProperty("id").GetInt64() == id && e.GetProperty("end").GetString() == "2022-07-12");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/events", new { label = "mine", start = "2022-07-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/events/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/events")).StatusCode);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { """{"start": "2022-06-01"}""", "label", "is required" },
        { """{"label": "sale"}""", "start", "is required" },
        { """{"label": "sale", "start": "1 June"}""", "start", "is not a date" },
        { """{"label": "sale", "start": "2022-06-10", "end": "2022-06-01"}""", "end", "is before the start" },
        { """{"label": "sale", "start": "2022-01-01", "end": "2023-06-01"}""", "end", "longer than 366 days" },
        { """{"label": "sale", "start": "1999-12-31"}""", "start", "outside the dates" },
        { $$"""{"label": "{{new string('x', 101)}}", "start": "2022-06-01"}""", "label", "longer than 100" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task BadInputIsA400NamingTheFieldAndWhy(string body, string field, string reason)
    {
        using var admin = await factory.SignedInClientAsync();

        var response = await admin.PostAsync("/api/events", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(reason, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }
}

public sealed class EventsApiOnSqliteTests(AnalyticsAppFactory factory) : EventsApiTests(factory), IClassFixture<AnalyticsAppFactory>;

public sealed class EventsApiOnPostgreSqlTests(PostgreSqlAnalyticsAppFactory factory) : EventsApiTests(factory), IClassFixture<PostgreSqlAnalyticsAppFactory>;
