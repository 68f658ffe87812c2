using System.Text.Json;
using Dashboard.Core;
using Dashboard.Core.Orders;
using Dashboard.Core.Digests;
using Dashboard.Core.Users;
using Dashboard.Tests.Integration.Analytics;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Cli;

/// <summary><c>send-digest USER [--week]</c> through the built executable (decision 0012).</summary>
public sealed class SendDigestCommandTests : IAsyncLifetime
{
    private readonly AnalyticsFixture _data = new();
    private readonly SmtpSink _sink = new();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Dashboard"] = _data.ConnectionString }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDashboardCore(configuration, Path.GetTempPath());
        await using var provider = services.BuildServiceProvider();
        var user = await provider.AddUserAsync("cli-manager", Role.Viewer);
        await provider.GetRequiredService<DigestSubscriptions>().SaveAsync(user,
            new SubscriptionInput(user.Id, "cli-manager@example.test", DayOfWeek.Monday, 7, "UTC", OrderFilter.None with { Categories = ["Set"] }));
        await provider.ConfirmAsync(user.Id, "cli-manager@example.test");
    }

    public async Task DisposeAsync()
    {
        await _sink.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task AnOperatorSendsAUsersDigestForAChosenWeek()
    {
        var settings = _sink.Settings().Select(s => $"--{s.Key}={s.Value}");

        var result = await WebExecutable.RunAsync(_data.ConnectionString, Path.GetTempPath(),
            ["send-digest", "CLI-MANAGER", "--week", "2022-06-13", .. settings]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var output = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(1, output.GetProperty("sent").GetInt32());
        var message = await _sink.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "cli-manager@example.test"));
        Assert.Equal("Weekly review 2022-06-13 – 2022-06-19 (category = Set)", message.Subject);
    }

    [Fact]
    public async Task WithoutMailSettingsItSaysWhatIsMissingAndFails()
    {
        var result = await WebExecutable.RunAsync(_data.ConnectionString, Path.GetTempPath(), "send-digest", "cli-manager");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Mail:Smtp:Host is not set", result.Stdout);
        Assert.Contains("E-mail is not set up", result.Stderr);
        Assert.Empty(_sink.Messages);
    }
}
