using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core;
using Dashboard.Core.Data;
using Dashboard.Core.Analytics;
using Dashboard.Core.Imports;
using Dashboard.Core.Models.Training;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Users;
using System.Text.Json.Nodes;

namespace Dashboard.Web.Cli;

/// <summary>
/// The operator verbs of the web app's own executable (one binary to deploy): <c>import FILE</c> and <c>stats</c>.
/// They use the same configuration as the web app (appsettings.json, ConnectionStrings__Dashboard) and print one
/// JSON object on stdout; logs go to stderr.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        Usage:
          Dashboard.Web                       start the dashboard
          Dashboard.Web import FILE [--dry-run]
                                              import a CSV (or .csv.gz) export into the configured database;
                                              prints the batch summary as JSON; exit code 1 when the file is refused
          Dashboard.Web stats                 print the stored row counts per format as JSON
          Dashboard.Web train                 train every model on the stored data, store them (a new model is activated only
                                              if not worse than the active one on the same held-out rows) and print their
                                              held-out metrics as JSON (rmse, mae, r2, auc, pr_auc, log_loss, brier);
                                              exit code 1 when no model could be trained
          Dashboard.Web users                 list the users who can sign in (no passwords) as JSON
          Dashboard.Web add-user NAME ROLE    add a user (ROLE: Viewer, Analyst or Admin); the password is read from the
                                              first line of standard input
          Dashboard.Web reset-password NAME   set a user's password (read from the first line of standard input) and unlock
                                              the account: the way back in when the only admin has forgotten theirs
          Dashboard.Web migrate-store --to "Host=…;Database=…;Username=…;Password=…"
                                              copy the configured store (e.g. the SQLite file) into an empty PostgreSQL
                                              database, ids and all, in one transaction; counts every table's rows on both
                                              sides and keeps nothing if any count differs (exit code 1)
          Dashboard.Web send-digest USER [--week 2022-06-20]
                                              send USER's weekly review digests now (every subscription of theirs), for the
                                              week starting that day (default: the data's last complete week); needs the
                                              Mail settings; exit code 1 when a digest could not be sent
        """;

    private static readonly string[] Verbs = ["import", "stats", "train", "users", "add-user", "reset-password", "send-digest", "migrate-store", "help", "--help", "-h"];

    /// <summary>camelCase, enums by name, and no HTML escaping: this is a terminal's output, not a page's.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Host setting that stops appsettings.json from being watched. The watcher covers the content root and every
    /// folder below it, so it wakes for every write to a database kept there (App_Data): a third more CPU on an import.
    /// </summary>
    public const string NoConfigWatcher = "--hostBuilder:reloadConfigOnChange=false";

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args[0].ToLowerInvariant();
        if (verb is "help" or "--help" or "-h")
        {
            await Console.Out.WriteLineAsync(Usage);
            return 0;
        }

        using var host = BuildHost(args[1..]);
        host.Services.GetRequiredService<StoreInitializer>().Initialize();
        return verb switch
        {
            "import" => await ImportAsync(host.Services, args[1..]),
            "stats" => await StatsAsync(host.Services),
            "train" => await TrainAsync(host.Services),
            "users" => await UsersAsync(host.Services),
            "add-user" or "reset-password" => await ChangeUserAsync(host.Services, verb, args[1..]),
            "send-digest" => await SendDigestAsync(host.Services, args[1..]),
            "migrate-store" => await MigrateStoreAsync(host.Services, args[1..]),
            _ => 2,
        };
    }

    private static async Task<int> ImportAsync(IServiceProvider services, string[] args)
    {
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var dryRun = args.Contains("--dry-run", StringComparer.OrdinalIgnoreCase);
        if (files.Count != 1)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        var path = ResolveUserPath(files[0]);
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"No such file: {path}");
            return 2;
        }

        var imports = services.GetRequiredService<ImportService>();
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var progress = new ConsoleProgress();
        var summary = await Task.Run(() => imports.Import(stream, Path.GetFileName(path), new ImportOptions { DryRun = dryRun }, progress));
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(summary, CliJsonContext.Summary.ImportSummary));
        return summary.Succeeded ? 0 : 1;
    }

    /// <summary><c>migrate-store --to CONNECTION</c>: the configured store copied into an empty PostgreSQL database (issue 13).</summary>
    private static async Task<int> MigrateStoreAsync(IServiceProvider services, string[] args)
    {
        var at = Array.FindIndex(args, a => string.Equals(a, "--to", StringComparison.OrdinalIgnoreCase));
        if (at < 0 || at + 1 >= args.Length)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        var source = services.GetRequiredService<DashboardStore>();
        using var target = new DashboardStore(args[at + 1], Directory.GetCurrentDirectory(), StoreProvider.PostgreSql);
        services.GetRequiredService<Core.Data.Schema.SchemaMigrator>().Migrate(target);
        var result = await Task.Run(() => StoreCopy.Copy(source, target, new Progress<string>(stage => Console.Error.WriteLine(stage))));
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
        {
            from = source.Location,
            to = target.Location,
            copied = result.Committed,
            tables = result.Tables.ToDictionary(t => t.Table, t => new { source = t.Source, target = t.Target }),
            seconds = Math.Round(result.Seconds, 1),
            error = result.Error,
        }, Json));
        return result.Committed ? 0 : 1;
    }

    private static async Task<int> UsersAsync(IServiceProvider services)
    {
        var users = await services.GetRequiredService<UserService>().ListAsync();
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
        {
            users = users.Select(u => new { u.UserName, u.Role, u.IsDisabled, u.LockedUntil, u.CreatedAt, u.LastSignInAt }),
        }, Json));
        return 0;
    }

    /// <summary>
    /// <c>add-user NAME ROLE</c> and <c>reset-password NAME</c>, for an operator with access to the server: the password
    /// comes from standard input (never from the command line, where other users of the machine could read it).
    /// </summary>
    private static async Task<int> ChangeUserAsync(IServiceProvider services, string verb, string[] args)
    {
        var adding = verb == "add-user";
        Role role = default;
        if (args.Length != (adding ? 2 : 1) || (adding && !Enum.TryParse(args[1], ignoreCase: true, out role)))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        var password = await Console.In.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("Give the password on the first line of standard input.");
            return 2;
        }
        var users = services.GetRequiredService<UserService>();
        try
        {
            UserAccount user;
            if (adding)
            {
                user = await users.CreateAsync(args[0], password, role, actor: "command line");
            }
            else
            {
                var existing = (await users.ListAsync()).FirstOrDefault(u => string.Equals(u.UserName, args[0], StringComparison.OrdinalIgnoreCase))
                    ?? throw new UserChangeRefusedException($"There is no user named '{args[0]}'.");
                user = await users.ResetPasswordAsync(existing.Id, password, actor: "command line");
            }
            // The audit entry may be queued behind the web app's import: the process must not end before it is stored.
            await services.GetRequiredService<AuditLog>().FlushAsync(TimeSpan.FromMinutes(5));
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { user.UserName, user.Role, user.IsDisabled, done = verb }, Json));
            return 0;
        }
        catch (UserChangeRefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 1;
        }
    }

    /// <summary>
    /// <c>send-digest USER [--week yyyy-MM-dd]</c>: the operator's way to send (or send again) a user's digests now. It does
    /// not touch the scheduler's rows: the scheduled digest of that week is still sent once at its time.
    /// </summary>
    private static async Task<int> SendDigestAsync(IServiceProvider services, string[] args)
    {
        var names = new List<string>();
        DateOnly? week = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--week" && i + 1 < args.Length
                && DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var w))
            {
                week = w;
                i++;
            }
            else if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                names.Add(args[i]);
            }
            else if (args[i].Contains('='))
            {
                // --Section:Key=value: a setting, read by BuildHost
            }
            else
            {
                await Console.Error.WriteLineAsync($"Unknown or incomplete option '{args[i]}' (--week takes a date as yyyy-MM-dd).");
                return 2;
            }
        }
        if (names.Count != 1)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        var mail = services.GetRequiredService<Core.Digests.MailOptions>();
        if (mail.Problems() is { Count: > 0 } problems)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { user = names[0], sent = 0, error = "E-mail is not set up.", missing = problems }, Json));
            await Console.Error.WriteLineAsync("E-mail is not set up: " + string.Join(" ", problems));
            return 1;
        }
        var user = (await services.GetRequiredService<UserService>().ListAsync())
            .FirstOrDefault(u => string.Equals(u.UserName, names[0], StringComparison.OrdinalIgnoreCase));
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"There is no user named '{names[0]}'.");
            return 1;
        }
        var subscriptions = await services.GetRequiredService<Core.Digests.DigestSubscriptions>().ListAsync(user.Id);
        if (subscriptions.Count == 0)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { user = user.UserName, sent = 0, error = "no subscription" }, Json));
            await Console.Error.WriteLineAsync($"{user.UserName} has no digest subscription (they subscribe on the E-mail digest page, or an admin adds one).");
            return 1;
        }
        var delivery = services.GetRequiredService<Core.Digests.DigestDelivery>();
        var results = new List<object>();
        var failed = 0;
        foreach (var view in subscriptions)
        {
            try
            {
                var message = await delivery.SendAsync(view.Subscription, week);
                results.Add(new { to = view.Subscription.Email, subject = message.Subject, sent = true });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                results.Add(new { to = view.Subscription.Email, sent = false, error = e.Message });
            }
        }
        await services.GetRequiredService<AuditLog>().RecordAsync("command line", "digest sent", $"{user.UserName}: {subscriptions.Count - failed} of {subscriptions.Count}");
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { user = user.UserName, sent = subscriptions.Count - failed, digests = results }, Json));
        return failed == 0 ? 0 : 1;
    }

    private static async Task<int> StatsAsync(IServiceProvider services)
    {
        var summary = await services.GetRequiredService<DatasetSummaryQuery>().GetAsync();
        var store = services.GetRequiredService<DashboardStore>();
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
        {
            database = store.Location,
            orderLines = summary.Orders,
            purchases = summary.Purchases,
            purchasesToScore = summary.PurchasesToScore,
            importedBatches = summary.Batches,
        }, Json));
        return 0;
    }

    private static async Task<int> TrainAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<DashboardStore>();
        try
        {
            var progress = new ConsoleTrainingProgress();
            var result = await Task.Run(() => services.GetRequiredService<ModelTrainer>().TrainAllAsync(progress));
            var output = new JsonObject
            {
                ["database"] = store.Location,
                ["cancellation"] = TrainingJson.Describe(result.Cancellation),
                ["purchase"] = TrainingJson.Describe(result.Purchase),
            };
            await Console.Out.WriteLineAsync(output.ToJsonString(Json));
            if (!result.TrainedAny)
            {
                await Console.Error.WriteLineAsync("No model could be trained: " + result.Cancellation.Skipped + " " + result.Purchase.Skipped);
            }
            return result.TrainedAny ? 0 : 1;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or System.Data.Common.DbException)
        {
            await Console.Out.WriteLineAsync(new JsonObject { ["database"] = store.Location, ["error"] = e.Message }.ToJsonString(Json));
            await Console.Error.WriteLineAsync("Training failed: " + e);
            return 1;
        }
    }

    private static IHost BuildHost(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')), NoConfigWatcher],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDashboardCore(builder.Configuration, builder.Environment.ContentRootPath);
        return builder.Build();
    }

    /// <summary>
    /// A path as the user typed it: relative to the shell's directory. <c>dotnet run --project</c> starts the app in
    /// the project's folder, so the current directory is not the user's; the shell's <c>PWD</c> is.
    /// </summary>
    private static string ResolveUserPath(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }
        var shell = Environment.GetEnvironmentVariable("PWD");
        var baseDirectory = !string.IsNullOrEmpty(shell) && Directory.Exists(shell) ? shell : Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(baseDirectory, path));
    }

    /// <summary>Training progress on stderr, at most once a second.</summary>
    private sealed class ConsoleTrainingProgress : IProgress<TrainingProgress>
    {
        private DateTime _last = DateTime.MinValue;
        private string _stage = "";

        public void Report(TrainingProgress value)
        {
            if (value.Stage == _stage && DateTime.UtcNow - _last < TimeSpan.FromSeconds(1))
            {
                return;
            }
            _last = DateTime.UtcNow;
            _stage = value.Stage;
            Console.Error.WriteLine($"{value.Fraction * 100:F0}% {value.Stage}");
        }
    }

    /// <summary>Progress on stderr, at most once a second, so stdout stays one JSON object.</summary>
    private sealed class ConsoleProgress : IProgress<ImportProgress>
    {
        private DateTime _last = DateTime.UtcNow;

        public void Report(ImportProgress value)
        {
            if (DateTime.UtcNow - _last < TimeSpan.FromSeconds(1))
            {
                return;
            }
            _last = DateTime.UtcNow;
            var percent = value.TotalBytes is > 0 ? $" ({100.0 * value.BytesRead / value.TotalBytes.Value:F0}%)" : "";
            Console.Error.WriteLine($"{value.RowsRead:N0} rows{percent}");
        }
    }
}

/// <summary>
/// Build-time JSON metadata for the import summary, with the same settings as <see cref="CommandLine.Json"/>:
/// reflection-based serialization of it cost every import run about 0.1 s of start-up work.
/// </summary>
[JsonSerializable(typeof(ImportSummary))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    public static CliJsonContext Summary { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<DataFormat>(), new JsonStringEnumConverter<BatchState>(), new JsonStringEnumConverter<IssueKind>() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });
}
