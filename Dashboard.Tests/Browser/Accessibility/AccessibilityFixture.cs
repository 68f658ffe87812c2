using Dashboard.Core;
using Dashboard.Core.Alerts;
using Dashboard.Core.Data;
using Dashboard.Core.Digests;
using Dashboard.Core.Orders;
using Dashboard.Core.Users;
using Dashboard.Tests.Integration.Models;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser.Accessibility;

/// <summary>
/// One app process for the accessibility checks, with every page filled: <see cref="ModelTestData"/>'s orders and purchases,
/// trained models, mail to an <see cref="SmtpSink"/>, a viewer and an analyst beside the admin, and a subscription waiting
/// for its confirmation (the digest pages' Confirmed column and resend button), and the viewer's alert rule with a failed mail
/// (the alert pages' rows and Retry button). One Chromium, one page per role.
/// </summary>
public sealed class AccessibilityFixture : IAsyncLifetime
{
    public const string Viewer = "a11y-viewer";
    public const string Analyst = "a11y-analyst";

    private readonly TempDatabase _data = ModelTestData.Create(lines: 1200, purchases: 800);
    private readonly Dictionary<string, IPage> _pages = [];

    public SmtpSink Sink { get; } = new();
    public AppProcess App { get; private set; } = default!;
    public string Folder => _data.Folder;

    public async Task InitializeAsync()
    {
        await ModelTestData.Trainer(_data, ModelTestData.Store(_data)).TrainAllAsync();
        var mail = Sink.Settings();
        var settings = mail.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        settings["Models__TrainOnFirstStart"] = "false";
        settings["Uploads__Folder"] = Path.Combine(_data.Folder, "uploads");
        App = await AppProcess.StartAsync(_data.ConnectionString, settings);
        // After the start, which creates the first admin only while no user exists.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(mail.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))
                .Append(new("ConnectionStrings:Dashboard", _data.ConnectionString))).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDashboardCore(configuration, Path.GetTempPath());
        await using var provider = services.BuildServiceProvider();
        var viewer = await provider.AddUserAsync(Viewer, Role.Viewer);
        await provider.AddUserAsync(Analyst, Role.Analyst);
        await provider.GetRequiredService<DigestSubscriptions>().SaveAsync(viewer,
            new SubscriptionInput(viewer.Id, "viewer@example.test", DayOfWeek.Monday, 7, "UTC", OrderFilter.None));
        // An alert rule whose mail failed: the alert pages' rows, their actions and the admin's Retry button.
        var rule = await provider.GetRequiredService<AlertRules>().SaveAsync(viewer,
            new AlertInput("Set revenue above 50,000 a day", "revenue", "day", "category=Set", "above", 50_000, "viewer@example.test"));
        await using var db = await provider.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        db.Add(new AlertFiring
        {
            RuleId = rule.Rule.Id, Period = new DateOnly(2022, 5, 3), FiredAt = DateTimeOffset.UtcNow, Value = 61_250, Compared = 50_000,
            State = DigestSendState.Failed, Attempts = 6, LastError = "550 mailbox unavailable",
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The one page of <paramref name="user"/>, 1280 px wide to begin with.</summary>
    public async Task<IPage> PageOfAsync(string user)
    {
        if (!_pages.TryGetValue(user, out var page))
        {
            _pages[user] = page = await App.NewPageAsync(1280, 900, user);
        }
        return page;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Sink.DisposeAsync();
        _data.Dispose();
    }
}
