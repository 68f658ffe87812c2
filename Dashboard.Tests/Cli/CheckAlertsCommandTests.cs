using System.Text.Json;
using Dashboard.Core.Alerts;
using Dashboard.Tests.Integration.Alerts;
using Dashboard.Tests.Integration.Digests;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Cli;

/// <summary><c>check-alerts [--dry-run]</c> through the built executable: a dry run prints what fires and sends nothing; a real run sends it once.</summary>
public sealed class CheckAlertsCommandTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private readonly SmtpSink _sink = new();

    public async Task InitializeAsync()
    {
        await using var process = MailServices.Process(_db, new ManualClock(DateTimeOffset.UtcNow), new AlertTransport());
        process.Import(AlertFixture.Csv());
        var user = await process.UserAsync("cli-alerts");
        await process.GetRequiredService<AlertRules>().SaveAsync(user, AlertFixture.Input("above", 15, email: "cli-alerts@example.test"));
        await process.ConfirmAsync(user.Id, "cli-alerts@example.test");
    }

    public async Task DisposeAsync()
    {
        await _sink.DisposeAsync();
        _db.Dispose();
    }

    private async Task<List<JsonElement>> Run(params string[] args)
    {
        var result = await WebExecutable.RunAsync(_db.ConnectionString, _db.Folder, ["check-alerts", .. args, .. _sink.Settings().Select(s => $"--{s.Key}={s.Value}")]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    [Fact]
    public async Task ADryRunPrintsWhatFiresAndARealRunSendsItOnce()
    {
        var dry = await Run("--dry-run");
        Assert.Equal(2, dry.Count);
        Assert.Equal(("2022-04-20", 20m), (dry[0].GetProperty("start").GetString(), dry[0].GetProperty("value").GetDecimal()));
        Assert.Equal((1, 0, 0), (dry[1].GetProperty("hits").GetInt32(), dry[1].GetProperty("fired").GetInt32(), dry[1].GetProperty("sent").GetInt32()));
        Assert.Empty(_sink.Messages);

        var real = await Run();
        Assert.Equal((1, 1), (real[^1].GetProperty("fired").GetInt32(), real[^1].GetProperty("sent").GetInt32()));
        var mail = await _sink.WaitForAsync(m => m.Subject?.StartsWith("Alert:", StringComparison.Ordinal) == true);
        Assert.Contains("20 on Wed 20 Apr 2022", mail.Subject);

        var again = await Run();
        Assert.Equal((0, 0), (again[^1].GetProperty("fired").GetInt32(), again[^1].GetProperty("sent").GetInt32()));
        Assert.Single(_sink.Messages);
    }
}
