using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Alerts;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web;

/// <summary>
/// Alert rules through the API, on both stores (schema step 16): each user manages their own rules only, a new address is not
/// confirmed, bad rules are a 400 with the reason, the preview answers, and creating, changing and deleting are audited.
/// </summary>
public abstract class AlertsApiTests(AnalyticsAppFactory factory)
{
    private async Task<HttpClient> SignedInAs(Role role, string name)
    {
        await factory.Services.AddUserAsync(name, role);
        return await factory.SignedInClientAsync(name);
    }

    private static object Body(string name = "Set below 200 a day", string condition = "below", decimal? value = 200, string filter = "category=Set",
        string metric = "orders", string email = "boss@example.com") =>
        new { name, metric, grain = "day", filter, condition, value, email };

    [Fact]
    public async Task AViewerManagesTheirOwnRuleAndNoOneElseCanTouchIt()
    {
        using var owner = await SignedInAs(Role.Viewer, "alerts-owner");
        using var other = await SignedInAs(Role.Viewer, "alerts-other");

        var created = await owner.PostAsJsonAsync("/api/alerts", Body());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var saved = await created.Content.ReadFromJsonAsync<JsonElement>();
        var rule = saved.GetProperty("rule");
        var id = rule.GetProperty("id").GetInt64();
        Assert.Equal(("orders", "below", "category=Set", 200m, false), (rule.GetProperty("metric").GetString(), rule.GetProperty("condition").GetString(),
            rule.GetProperty("filter").GetString(), rule.GetProperty("value").GetDecimal(), rule.GetProperty("confirmed").GetBoolean()));

        var mine = await owner.GetFromJsonAsync<JsonElement>("/api/alerts");
        Assert.Contains(mine.EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/alerts");
        Assert.DoesNotContain(theirs.EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.DeleteAsync($"/api/alerts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.GetAsync($"/api/alerts/{id}/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.PutAsJsonAsync($"/api/alerts/{id}", Body(email: "other@example.com"))).StatusCode);

        var changed = await owner.PutAsJsonAsync($"/api/alerts/{id}", Body(name: "Set below 100 a day", value: 100));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var preview = await owner.GetFromJsonAsync<JsonElement>($"/api/alerts/{id}/preview");
        Assert.Equal(JsonValueKind.Array, preview.ValueKind);
        Assert.Equal(JsonValueKind.Array, (await owner.GetFromJsonAsync<JsonElement>("/api/alerts/firings")).ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/alerts/{id}")).StatusCode);

        var audit = await factory.Services.GetRequiredService<AuditLog>().RecentAsync();
        Assert.Contains(audit, a => a is { UserName: "alerts-owner", Action: AlertRules.Actions.Created } && a.Detail!.Contains("'Set below 200 a day'", StringComparison.Ordinal));
        Assert.Contains(audit, a => a is { UserName: "alerts-owner", Action: AlertRules.Actions.Changed } && a.Detail!.Contains("daily orders below 100", StringComparison.Ordinal));
        Assert.Contains(audit, a => a is { UserName: "alerts-owner", Action: AlertRules.Actions.Deleted } && a.Detail!.Contains("boss@example.com", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("metric", "profit", "metric", "'profit' is not one of")]
    [InlineData("filter", "colour=red", "filter", "'colour' is not a filter key")]
    [InlineData("value", "-5", "value", "a change is a positive percentage")]
    [InlineData("name", "", "name", "a rule needs a name")]
    public async Task ABadRuleIsA400WithTheReason(string key, string value, string field, string reason)
    {
        using var viewer = await SignedInAs(Role.Viewer, "alerts-bad-" + key);
        var body = new Dictionary<string, object?>
        {
            ["name"] = "x", ["metric"] = "orders", ["grain"] = "day", ["filter"] = "", ["condition"] = "change", ["value"] = 10m, ["email"] = "me@example.com",
        };
        body[key] = key == "value" ? decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value;

        var response = await viewer.PostAsJsonAsync("/api/alerts", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(reason, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSnoozeLinkWorksWithoutSigningInAndAForgedOneDoesNot()
    {
        using var owner = await SignedInAs(Role.Viewer, "alerts-snoozer");
        var created = await owner.PostAsJsonAsync("/api/alerts", Body());
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetProperty("id").GetInt64();
        var token = factory.Services.GetRequiredService<AlertTokens>().Create(id, AlertLinkKind.Snooze);
        using var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/alerts/snooze?token=" + Uri.EscapeDataString(token))).StatusCode);
        var wrongKind = factory.Services.GetRequiredService<AlertTokens>().Create(id, AlertLinkKind.Unsubscribe);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync("/alerts/snooze?token=" + Uri.EscapeDataString(wrongKind), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync("/alerts/snooze?token=" + Uri.EscapeDataString(token), null)).StatusCode);

        var rule = await factory.Services.GetRequiredService<AlertRules>().FindAsync(id);
        Assert.True(rule!.SnoozedUntil > DateTimeOffset.UtcNow.AddDays(6));
    }

    [Fact]
    public async Task AnAdminRetriesAFailedAlertMailAndAViewerCannot()
    {
        using var owner = await SignedInAs(Role.Viewer, "alerts-retried");
        var created = await owner.PostAsJsonAsync("/api/alerts", Body());
        var ruleId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetProperty("id").GetInt64();
        var contexts = factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Dashboard.Core.Data.DashboardDbContext>>();
        AlertFiring Firing(DateOnly period, Dashboard.Core.Digests.DigestSendState state) => new()
        {
            RuleId = ruleId, Period = period, FiredAt = DateTimeOffset.UtcNow, Value = 3, Compared = 200, State = state, Attempts = 6, LastError = "550 mailbox unavailable",
        };
        var failed = Firing(new DateOnly(2022, 6, 6), Dashboard.Core.Digests.DigestSendState.Failed);
        var sent = Firing(new DateOnly(2022, 6, 7), Dashboard.Core.Digests.DigestSendState.Sent);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.AddRange(failed, sent);
            await db.SaveChangesAsync();
        }
        using var admin = await factory.SignedInClientAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsync($"/api/alerts/firings/{failed.Id}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/alerts/firings/{failed.Id}/retry", null)).StatusCode);
        var refused = await admin.PostAsync($"/api/alerts/firings/{sent.Id}/retry", null);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("was sent already", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var firings = await factory.Services.GetRequiredService<AlertRules>().FiringsAsync(null);
        Assert.Equal(Dashboard.Core.Digests.DigestSendState.Pending, firings.Single(f => f.Firing.Id == failed.Id).Firing.State);
        Assert.Equal(Dashboard.Core.Digests.DigestSendState.Sent, firings.Single(f => f.Firing.Id == sent.Id).Firing.State);
        var audit = await factory.Services.GetRequiredService<AuditLog>().RecentAsync();
        Assert.Contains(audit, a => a is { Action: AlertRules.Actions.Retried } && a.Detail == $"firing {failed.Id}");
    }
}

public sealed class AlertsApiOnSqliteTests(AnalyticsAppFactory factory) : AlertsApiTests(factory), IClassFixture<AnalyticsAppFactory>;

public sealed class AlertsApiOnPostgreSqlTests(PostgreSqlAnalyticsAppFactory factory) : AlertsApiTests(factory), IClassFixture<PostgreSqlAnalyticsAppFactory>;
