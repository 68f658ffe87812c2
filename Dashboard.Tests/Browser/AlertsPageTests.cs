using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Core;
using Dashboard.Core.Users;
using Dashboard.Tests.Integration.Alerts;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The app as a process over the first two weeks of <see cref="AlertFixture"/>'s orders (imported before it starts, so it loads
/// no sample data), its mail going to an <see cref="SmtpSink"/>, with two viewers who can sign in.
/// </summary>
public sealed class AlertsBrowserFixture : IAsyncLifetime
{
    public const string Owner = "alert-owner";
    public const string Other = "alert-other";
    private readonly TempDatabase _db = new();

    public SmtpSink Sink { get; } = new();
    public AppProcess App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        using (var weeks12 = new MemoryStream(Encoding.UTF8.GetBytes(AlertFixture.Csv(0, 13))))
        {
            var summary = _db.Importer().Import(weeks12, "weeks-1-2.csv");
            Assert.Null(summary.Error);
        }
        App = await AppProcess.StartAsync(_db.ConnectionString,
            Sink.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value));
        // After the start, which creates the first admin only while no user exists.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Dashboard"] = _db.ConnectionString }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDashboardCore(configuration, Path.GetTempPath());
        await using var provider = services.BuildServiceProvider();
        await provider.AddUserAsync(Owner, Role.Viewer);
        await provider.AddUserAsync(Other, Role.Viewer);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Sink.DisposeAsync();
        _db.Dispose();
    }
}

/// <summary>
/// Chromium: "Alert me when…" on the overview's category chart opens the alerts page's form prefilled with the chart's metric and
/// the page's filters; the preview lists the periods of the last 8 weeks the rule would have fired for; saved and its address
/// confirmed, an import that adds such a day mails the alert. And what a viewer may not do: open the admin's page, or change
/// another viewer's rule.
/// </summary>
[TestDuration(60)]
public sealed class AlertsPageTests(AlertsBrowserFixture fixture) : IClassFixture<AlertsBrowserFixture>
{
    private const string Address = "owner@example.test";

    [Fact]
    public async Task AlertMeWhenOnTheCategoryChartPreviewsSavesAndAnImportMailsTheAlert()
    {
        var page = await fixture.App.NewPageAsync(user: AlertsBrowserFixture.Owner);
        await page.GotoAsync("/orders?category=Set");
        await page.Locator(".mud-layout[data-circuit=up]").WaitForAsync(new() { Timeout = 20000 });
        // From the keyboard: the chart's action is reachable by Tab and followed with Enter.
        var alertMe = page.Locator("[data-card=categories] [data-action=alert]");
        Assert.Equal("Alert me when…", (await alertMe.TextContentAsync())?.Trim());
        await TabToAsync(page, "[data-card=categories] [data-action=alert]");
        await page.Keyboard.PressAsync("Enter");
        await Ui.WaitForQueryAsync(page, ("metric", "revenue"), ("grain", "day"), ("filter", "category=Set"));
        await page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 20000 });

        var form = page.Locator("[data-form=alert]");
        Assert.Equal(("revenue", "day", "category=Set"),
            (await form.GetAttributeAsync("data-draft-metric"), await form.GetAttributeAsync("data-draft-grain"), await form.GetAttributeAsync("data-draft-filter")));
        Assert.Equal("Revenue, category = Set", await page.Locator("input[data-field=name]").InputValueAsync());
        Assert.Contains("(1)", await page.Locator("[data-action=filters]").InnerTextAsync()); // the filter bar shows the one category

        // Set's revenue is ₹100 a line: 5 to 11 lines a day, Monday to Sunday, so only the Sundays (₹1,100) are above 1,050.
        await page.FillAsync("input[data-field=value]", "1050");
        await page.FillAsync("input[data-field=email]", Address);
        // Every control of the form is a stop of Tab, in the order it is read, up to the preview, which Enter presses.
        await page.Locator("input[data-field=name]").FocusAsync();
        foreach (var control in new[] { "[data-field=metric]", "[data-field=grain]", "[data-field=condition]", "[data-field=value]", "[data-field=email]",
                     "[data-filter=category]", "[data-action=save-alert]", "[data-action=preview]" })
        {
            await TabToAsync(page, control, most: 12);
        }
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-preview]").WaitForAsync(new() { Timeout = 20000 });
        var rows = page.Locator("[data-preview-row]");
        Assert.Equal(["2022-04-10", "2022-04-17"], await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.previewRow)"));
        Assert.Contains("Sun 10 Apr 2022", await rows.First.InnerTextAsync());
        Assert.Contains("₹1,100.00", await rows.First.InnerTextAsync());

        await page.ClickAsync("[data-action=save-alert]");
        await Ui.WaitForAddressAsync(page, "/alerts");
        await page.Locator("[data-message]").Filter(new() { HasText = "A confirmation link was sent to " + Address }).WaitForAsync(new() { Timeout = 10000 });
        var row = page.Locator("tr", new() { Has = page.Locator("[data-rule]", new() { HasText = "Revenue, category = Set" }) });
        Assert.Equal("above 1,050", (await row.Locator("[data-condition]").InnerTextAsync()).Trim());
        Assert.Equal("never", (await row.Locator("[data-last-firing]").InnerTextAsync()).Trim());

        await ConfirmAsync(Address);
        await ImportAsync(AlertFixture.Csv(14, 20), "week-3.csv");

        // Wednesday 20 April has 20 Set lines: ₹2,000.
        var alert = await fixture.Sink.WaitForAsync(m => m.Subject is { } s && s.StartsWith("Alert:", StringComparison.Ordinal) && s.Contains("Wed 20 Apr 2022", StringComparison.Ordinal), 60);
        Assert.Equal([Address], alert.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Alert: Revenue, category = Set – ₹2,000.00 on Wed 20 Apr 2022", alert.Subject);
        // The list shows the newest period's firing, Sunday 24 April (11 lines, ₹1,100), once its mail is marked sent (the page is
        // drawn when opened: it is opened again until then; a guard against a hung send, not a timing assertion).
        var last = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(60); !last.EndsWith("(sent)", StringComparison.Ordinal) && DateTime.UtcNow < deadline; )
        {
            await page.ReloadAsync();
            await page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 20000 });
            last = (await row.Locator("[data-last-firing]").InnerTextAsync()).Trim();
        }
        Assert.Equal("Sun 24 Apr 2022: ₹1,100.00 (sent)", last);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AViewerCannotOpenTheAdminsPageNorChangeAnotherViewersRule()
    {
        var owner = await fixture.App.NewPageAsync(user: AlertsBrowserFixture.Owner);
        await owner.GotoAsync("/alerts");
        await owner.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 20000 });
        await owner.FillAsync("input[data-field=name]", "Orders below 3");
        await owner.ClickAsync("[data-field=condition]");
        await owner.Locator(".mud-popover-open .mud-list-item", new() { HasText = "is below" }).ClickAsync();
        await owner.Locator("[data-form=alert][data-draft-condition=below]").WaitForAsync(new() { Timeout = 10000 });
        await owner.FillAsync("input[data-field=value]", "3");
        await owner.FillAsync("input[data-field=email]", "owner-2@example.test");
        await owner.ClickAsync("[data-action=save-alert]");
        var saved = owner.Locator("[data-rule]", new() { HasText = "Orders below 3" });
        await saved.WaitForAsync(new() { Timeout = 10000 });
        var id = await saved.GetAttributeAsync("data-rule");
        await owner.Context.CloseAsync();

        var other = await fixture.App.NewPageAsync(user: AlertsBrowserFixture.Other);
        await other.GotoAsync("/alerts/all");
        Assert.StartsWith("/account/denied", new Uri(other.Url).AbsolutePath);
        Assert.Equal(0, await other.Locator("[data-all-rules]").CountAsync());

        await other.GotoAsync($"/alerts/{id}");
        await other.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 20000 });
        Assert.Equal("That is not your rule.", (await other.Locator("[data-message]").InnerTextAsync()).Trim());
        Assert.Equal("", await other.Locator("input[data-field=name]").InputValueAsync()); // the form is a new rule, not theirs
        Assert.Equal(0, await other.Locator("[data-rule]").CountAsync());
        await other.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the focus is in the element matching <paramref name="selector"/>.</summary>
    private static async Task TabToAsync(Microsoft.Playwright.IPage page, string selector, int most = 150)
    {
        for (var presses = 1; presses <= most; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.closest(s) != null", selector))
            {
                return;
            }
        }
        throw new InvalidOperationException($"{most} presses of Tab never reached {selector}; the focus is on " +
            await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200)"));
    }

    private async Task ConfirmAsync(string address)
    {
        var confirmation = await fixture.Sink.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == address)
            && m.Subject == Dashboard.Core.Mail.ConfirmationMail.Subject);
        var link = (confirmation.TextBody ?? "").Split('\n').Single(l => l.StartsWith("Confirm: ", StringComparison.Ordinal))["Confirm: ".Length..].Trim();
        var page = await fixture.App.NewPageAsync(user: null);
        await page.GotoAsync(new Uri(link).PathAndQuery);
        await page.ClickAsync("[data-action=confirm]");
        await page.Locator("h1", new() { HasText = "Your address is confirmed." }).WaitForAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Commits a file through the API as an admin's script would, and waits until the job has finished.</summary>
    private async Task ImportAsync(string csv, string name)
    {
        var http = fixture.App.Http;
        if (!http.DefaultRequestHeaders.Contains("X-CSRF-TOKEN"))
        {
            http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await TestUsers.ApiTokenAsync(http));
        }
        using var upload = await http.PostAsync($"/api/imports?file={name}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        // a guard against a hung job, not a timing assertion
        for (var deadline = DateTime.UtcNow.AddMinutes(2); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            var job = await http.GetFromJsonAsync<JsonElement>(upload.Headers.Location!.ToString());
            if (job.GetProperty("state").GetString() == "Finished")
            {
                Assert.Equal("Succeeded", job.GetProperty("summary").GetProperty("state").GetString());
                return;
            }
        }
        throw new TimeoutException(name);
    }
}
