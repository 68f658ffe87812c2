using Dashboard.Core;
using Dashboard.Core.Users;
using Dashboard.Tests.Integration.Analytics;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Browser;

/// <summary>The app as a process whose mail goes to an <see cref="SmtpSink"/>, with a manager (a Viewer) who can sign in.</summary>
public sealed class DigestBrowserFixture : IAsyncLifetime
{
    public const string Manager = "browser-manager";
    private readonly AnalyticsFixture _data = new();

    public SmtpSink Sink { get; } = new();
    public AppProcess App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App = await AppProcess.StartAsync(_data.ConnectionString,
            Sink.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value));
        // After the start, which creates the first admin only while no user exists.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Dashboard"] = _data.ConnectionString }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDashboardCore(configuration, Path.GetTempPath());
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.AddUserAsync(Manager, Role.Viewer);
        }
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Sink.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>Chromium: a manager subscribes to the weekly review by e-mail, sends a test, and the mail server receives it (decision 0012).</summary>
public sealed class DigestPageTests(DigestBrowserFixture fixture) : IClassFixture<DigestBrowserFixture>
{
    [Fact]
    public async Task AManagerSubscribesSendsATestAndTheMailArrives()
    {
        var page = await fixture.App.NewPageAsync(user: DigestBrowserFixture.Manager);
        await page.GotoAsync("/digest");
        await page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 20000 });
        await page.Locator("[data-no-subscriptions]").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-mail-missing]").CountAsync());

        await page.FillAsync("[data-field=email]", "manager@example.test");
        await Ui.ChooseAsync(page, "[data-filter=category]", "Set", multiple: true);
        await page.Locator("h1").ClickAsync(new() { Force = true }); // a multi-select stays open until one clicks elsewhere
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Hidden });
        await page.ClickAsync("[data-action=save-subscription]");
        await page.Locator("[data-action=resend-confirmation]").WaitForAsync(new() { Timeout = 10000 });
        Assert.Contains("category = Set", await page.Locator("[data-subscription]").InnerTextAsync());
        Assert.Contains("Mondays at 07:00", await page.Locator("[data-subscriptions]").InnerTextAsync());
        Assert.Contains("A confirmation link was sent to manager@example.test", await page.Locator("[data-message]").InnerTextAsync());
        Assert.Equal("false", await page.Locator("[data-confirmed]").GetAttributeAsync("data-confirmed"));

        // The address's owner follows the link in the mail (without signing in); the page then offers the test.
        var confirmation = await fixture.Sink.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "manager@example.test")
            && m.Subject == Dashboard.Core.Mail.ConfirmationMail.Subject);
        var link = (confirmation.TextBody ?? "").Split('\n').Single(l => l.StartsWith("Confirm: ", StringComparison.Ordinal))["Confirm: ".Length..].Trim();
        var owner = await fixture.App.NewPageAsync(user: null);
        await owner.GotoAsync(new Uri(link).PathAndQuery);
        await owner.ClickAsync("[data-action=confirm]");
        await owner.Locator("h1", new() { HasText = "Your address is confirmed." }).WaitForAsync();
        await owner.Context.CloseAsync();
        await page.ReloadAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 20000 });
        await page.Locator("[data-action=send-test]").WaitForAsync(new() { Timeout = 10000 });

        await page.ClickAsync("[data-action=send-test]");

        var message = await fixture.Sink.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "manager@example.test")
            && m.Subject != Dashboard.Core.Mail.ConfirmationMail.Subject);
        Assert.StartsWith("[Test] Weekly review ", message.Subject);
        Assert.EndsWith("(category = Set)", message.Subject);
        await page.Locator("[data-message]").Filter(new() { HasText = "Sent" }).WaitForAsync(new() { Timeout = 10000 });
        await page.Context.CloseAsync();
    }
}
