using System.Collections.Concurrent;
using System.Text.Json;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Cli;

/// <summary><c>check-config</c>, a wrong setting at the web server's start, and JSON console logs, through the built executable.</summary>
public sealed class CheckConfigTests
{
    [Fact]
    public async Task CheckConfigPrintsTheEffectiveSettingsWithSecretsMasked()
    {
        using var folder = new TempDatabase(migrate: false);
        var connectionSecret = "cs-secret-" + Guid.NewGuid().ToString("N");
        var smtpSecret = "smtp-secret-" + Guid.NewGuid().ToString("N");

        var result = await WebExecutable.RunAsync($"Data Source=dashboard.db;Password={connectionSecret}", folder.Folder,
            "check-config", "--Downloads:MaxParallel=7", "--Mail:Smtp:UserName=mailer", $"--Mail:Smtp:Password={smtpSecret}");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var settings = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("settings");
        Assert.Equal(7, settings.GetProperty("Downloads:MaxParallel").GetInt32()); // as given
        Assert.Equal(587, settings.GetProperty("Mail:Smtp:Port").GetInt32()); // the default
        Assert.Equal("Monday", settings.GetProperty("Analytics:WeekStartsOn").GetString());
        Assert.Equal("mailer", settings.GetProperty("Mail:Smtp:UserName").GetString());
        Assert.Equal("***", settings.GetProperty("Mail:Smtp:Password").GetString());
        Assert.Equal("***", settings.GetProperty("Auth:Admin:Password").GetString()); // TestUsers gives it in the environment
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("Security:AllowedOrigins").ValueKind); // the web app's own sections too
        var connection = settings.GetProperty("ConnectionStrings:Dashboard").GetString()!;
        Assert.Contains("dashboard.db", connection);
        Assert.Contains("***", connection);
        foreach (var secret in new[] { connectionSecret, smtpSecret, TestUsers.Password })
        {
            Assert.DoesNotContain(secret, result.Stdout + result.Stderr);
        }
    }

    [Fact]
    public async Task CheckConfigExitsWithOneSentencePerWrongSetting()
    {
        using var folder = new TempDatabase(migrate: false);

        var result = await WebExecutable.RunAsync(folder.ConnectionString, folder.Folder, "check-config",
            "--Mail:Smtp:Port=70000", "--Analytics:FrameMaxLines=lots", "--Security:AllowedOrigins=dashboard.example.com");

        Assert.Equal(1, result.ExitCode);
        string[] expected =
        [
            "Analytics:FrameMaxLines is 'lots'; expected a whole number.",
            "Mail:Smtp:Port must be a whole number between 1 and 65535.",
            "Security:AllowedOrigins has 'dashboard.example.com', which is not an origin such as https://dashboard.example.com.",
        ];
        Assert.Equal(expected.Order(), result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order());
        var problems = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!);
        Assert.Equal(expected.Order(), problems.Order());
    }

    [Fact]
    public async Task CheckConfigHasItsHelp()
    {
        using var folder = new TempDatabase(migrate: false);

        var help = await WebExecutable.RunAsync(folder.ConnectionString, folder.Folder, "check-config", "--help");
        var all = await WebExecutable.RunAsync(folder.ConnectionString, folder.Folder, "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Dashboard.Web check-config [options]", help.Stdout);
        Assert.Contains("masked", help.Stdout);
        Assert.Contains("check-config", all.Stdout);
    }

    [Fact]
    public async Task AWrongSettingStopsTheWebServerWithOneSentenceNamingIt()
    {
        using var folder = new TempDatabase(migrate: false);

        var result = await WebExecutable.RunAsync(folder.ConnectionString, folder.Folder,
            "--urls", $"http://127.0.0.1:{AppProcess.FreePort()}", "--Mail:Smtp:Port=0", "--Uploads:KeepStagedMinutes=soon",
            "--Metrics:Enabled=maybe");

        // Metrics:Enabled is read before the check too (it decides whether there is a pipeline): it still gets the check's sentence.
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Dashboard could not start: Uploads:KeepStagedMinutes is 'soon'; expected a whole number. " +
            "Mail:Smtp:Port must be a whole number between 1 and 65535. Metrics:Enabled is 'maybe'; expected true or false.", result.Stderr.Trim());
        Assert.False(File.Exists(folder.Path), "the store was opened before the settings were checked");
    }

    [Fact]
    public async Task LogsAreJsonLinesBySettingWithTheirSecretsMasked()
    {
        using var db = new TempDatabase(migrate: false);
        var log = new ConcurrentQueue<string>();
        var token = "json-token-" + Guid.NewGuid().ToString("N");
        await using (var app = await AppProcess.StartAsync(db.ConnectionString, new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
            ["Models__TrainOnFirstStart"] = "false",
        }, browser: false, log: log))
        {
            await app.Http.GetAsync("/mail/confirm?token=" + token);
        }

        var lines = log.Where(l => l.Length > 0).ToList();
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList(); // every line is one JSON object
        Assert.Contains(entries, e => e.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime"
            && e.GetProperty("LogLevel").GetString() == "Information" && e.GetProperty("Message").GetString()!.StartsWith("Now listening on", StringComparison.Ordinal));
        var request = entries.First(e => e.GetProperty("Message").GetString()!.Contains("/mail/confirm", StringComparison.Ordinal));
        Assert.Equal("?token=***", request.GetProperty("State").GetProperty("QueryString").GetString());
        Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal));
    }
}
