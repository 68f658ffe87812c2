using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Analytics;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Dashboard.Core.Weekly;
using Dashboard.Core.Data;
using Dashboard.Core.Data.Schema;
using Dashboard.Core.Imports;
using Dashboard.Core.Imports.Queue;
using Dashboard.Core.Models.Scoring;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Sample;
using Dashboard.Core.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Core;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Dashboard";

    /// <summary>The store, the importers and the query services, configured from <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddDashboardCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set (appsettings.json or ConnectionStrings__{ConnectionStringName}).");
        var store = new DashboardStore(connectionString, contentRoot, DashboardStore.ParseProvider(configuration["Store:Provider"]));
        services.AddSingleton(store);
        services.AddDbContextFactory<DashboardDbContext>(o => store.Configure(o)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));

        services.AddSingleton(_ => new StatusGroupMapping(ReadStatusGroups(configuration)));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<DataVersion>();
        services.AddSingleton<DatasetSummaryQuery>();
        services.AddSingleton(ReadImportLimits(configuration));
        services.AddSingleton<ImportService>();
        services.AddSingleton<Imports.Undo.BatchUndoService>();
        var uploads = ReadUploadOptions(configuration);
        services.AddSingleton(uploads);
        services.AddSingleton(new UploadStaging(uploads, contentRoot));
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<Imports.History.ImportHistoryQuery>();
        services.AddSingleton<StoreInitializer>();
        services.AddSingleton<SampleDataSeeder>();
        services.AddDashboardAnalytics(configuration);
        services.AddDashboardModels(configuration);
        services.AddSingleton(ReadAuthOptions(configuration));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<UserService>();
        services.AddDashboardDigests(configuration);
        services.AddDashboardDisplay(configuration);
        return services;
    }

    /// <summary>The display culture (<c>Display</c> section): numbers for people, never for files.</summary>
    public static IServiceCollection AddDashboardDisplay(this IServiceCollection services, IConfiguration configuration)
    {
        // The process's culture, read here rather than inside a request, where the current culture is the reader's.
        var server = System.Globalization.CultureInfo.CurrentCulture;
        // Bound from the configuration given (BindConfiguration would want an IConfiguration service, which the verbs' and
        // the tests' service collections do not register).
        services.AddOptions<Display.DisplayOptions>().Bind(configuration.GetSection(Display.DisplayOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Display.DisplayOptions>, Display.DisplayOptionsValidator>();
        services.AddSingleton(sp => new Display.DisplayCulture(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Display.DisplayOptions>>(), sp.GetRequiredService<DatasetSummaryQuery>(),
            sp.GetRequiredService<DataVersion>(), server));
        return services;
    }

    /// <summary>The weekly digest by e-mail (decision 0012): the <c>Mail</c> settings, subscriptions, the sender and the scheduler.</summary>
    public static IServiceCollection AddDashboardDigests(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Digests.MailOptions.SectionName);
        var options = new Digests.MailOptions
        {
            Host = section["Smtp:Host"],
            UserName = section["Smtp:UserName"],
            Password = section["Smtp:Password"],
            From = section["Smtp:From"],
            PublicUrl = section["PublicUrl"],
            DefaultTimeZone = section["DefaultTimeZone"],
        };
        options.MaxSendsPerUserPerHour = Whole(section, nameof(options.MaxSendsPerUserPerHour), options.MaxSendsPerUserPerHour);
        options.MaxSendsPerAddressPerHour = Whole(section, nameof(options.MaxSendsPerAddressPerHour), options.MaxSendsPerAddressPerHour);
        options.MaxSubscriptionsPerUser = Whole(section, nameof(options.MaxSubscriptionsPerUser), options.MaxSubscriptionsPerUser);
        // A port that is not a number is reported by MailOptions.Problems() rather than stopping the app.
        options.Port = section["Smtp:Port"] switch
        {
            null or "" => options.Port,
            var text => int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : -1,
        };
        services.AddSingleton(options);
        // One application name and one key ring, kept in the store, for the web app, the command line and every instance
        // that shares a PostgreSQL store: a sign-in cookie issued by one instance works on another, and an unsubscribe link
        // made by `send-digest` works on the site (decision 0013).
        services.AddDataProtection().SetApplicationName("Dashboard").PersistKeysToDbContext<DashboardDbContext>();
        services.AddSingleton<Digests.DigestLinks>();
        services.AddSingleton<Digests.UnsubscribeTokens>();
        services.AddSingleton<Digests.IMailTransport, Digests.SmtpMailTransport>();
        services.AddSingleton<Mail.MailGuard>();
        services.AddSingleton<Mail.ConfirmationTokens>();
        services.AddSingleton<Mail.ConfirmedAddresses>();
        services.AddSingleton<Digests.DigestDelivery>();
        services.AddSingleton<Digests.DigestSubscriptions>();
        services.AddSingleton<Digests.DigestScheduler>();
        return services;
    }

    /// <summary>The <c>Auth</c> section: lockout, password length and the first admin (see <see cref="AuthOptions"/>).</summary>
    public static AuthOptions ReadAuthOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection(AuthOptions.SectionName);
        var options = new AuthOptions
        {
            AdminUserName = section["Admin:UserName"],
            AdminPassword = section["Admin:Password"],
        };
        options.MaxFailedAttempts = Whole(section, "Lockout:MaxFailedAttempts", options.MaxFailedAttempts);
        options.LockoutDuration = TimeSpan.FromMinutes(Whole(section, "Lockout:Minutes", (int)options.LockoutDuration.TotalMinutes));
        options.MinPasswordLength = Whole(section, "MinPasswordLength", options.MinPasswordLength);
        options.SignInAttemptsPerMinute = Whole(section, "SignInAttemptsPerMinute", options.SignInAttemptsPerMinute);
        return options;
    }

    private static int Whole(IConfigurationSection section, string key, int fallback) => section[key] switch
    {
        null or "" => fallback,
        var text when int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 => value,
        var text => throw new InvalidOperationException($"{section.Path}:{key} is '{text}'; expected a positive whole number."),
    };

    /// <summary>The model store, the training coordinator and the scoring services (decisions 0005 and 0009).</summary>
    public static IServiceCollection AddDashboardModels(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ModelsOptions.SectionName);
        services.Configure<ModelsOptions>(o =>
        {
            o.RetrainAfterImport = Flag(section, nameof(ModelsOptions.RetrainAfterImport), o.RetrainAfterImport);
            o.TrainOnFirstStart = Flag(section, nameof(ModelsOptions.TrainOnFirstStart), o.TrainOnFirstStart);
        });
        services.AddSingleton<ModelStore>();
        services.AddSingleton<ActiveModels>();
        services.AddSingleton<ModelTrainer>();
        services.AddSingleton<TrainingCoordinator>();
        services.AddSingleton<WhatIfService>();
        services.AddSingleton<WhatIfValidator>();
        services.AddSingleton<BatchScoring>();
        return services;
    }

    /// <summary>The query services of the analytics screens and the DataFrames they read (decision 0010).</summary>
    public static IServiceCollection AddDashboardAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        // Read here, not when first used: a wrong setting stops the start with one sentence, not the first page.
        var weekStartsOn = configuration[$"{AnalyticsOptions.SectionName}:{nameof(AnalyticsOptions.WeekStartsOn)}"];
        DayOfWeek? firstDay = string.IsNullOrWhiteSpace(weekStartsOn) ? null
            : Enum.TryParse<DayOfWeek>(weekStartsOn, ignoreCase: true, out var day) && Enum.IsDefined(day) ? day
            : throw new InvalidOperationException(
                $"{AnalyticsOptions.SectionName}:{nameof(AnalyticsOptions.WeekStartsOn)} is '{weekStartsOn}'; expected a day name such as Monday or Sunday.");
        var frameMaxLines = configuration[$"{AnalyticsOptions.SectionName}:{nameof(AnalyticsOptions.FrameMaxLines)}"];
        int? maxLines = string.IsNullOrWhiteSpace(frameMaxLines) ? null
            : int.TryParse(frameMaxLines, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var lines) ? lines
            : throw new InvalidOperationException(
                $"{AnalyticsOptions.SectionName}:{nameof(AnalyticsOptions.FrameMaxLines)} is '{frameMaxLines}'; expected a whole number of order lines, such as 5000000.");
        services.Configure<AnalyticsOptions>(o =>
        {
            o.WeekStartsOn = firstDay ?? o.WeekStartsOn;
            o.FrameMaxLines = maxLines ?? o.FrameMaxLines;
        });
        services.AddSingleton<OrdersFrameCache>();
        services.AddSingleton<PurchasesFrameCache>();
        services.AddSingleton<OrdersOverviewQuery>();
        services.AddSingleton<WeeklyReviewQuery>();
        services.AddSingleton<PurchasesQuery>();
        services.AddOptions<DownloadOptions>().Bind(configuration.GetSection(DownloadOptions.SectionName))
            .Validate(o => o.MaxParallel > 0 && o.BatchRows > 0,
                $"{DownloadOptions.SectionName}:{nameof(DownloadOptions.MaxParallel)} and :{nameof(DownloadOptions.BatchRows)} must be whole numbers above 0.")
            .ValidateOnStart();
        services.AddSingleton<OrderLinesExport>();
        services.AddSingleton<PurchasesExport>();
        return services;
    }

    /// <summary>The <c>Uploads</c> section: <c>Folder</c> and <c>MaxBytes</c> (default 512 MB).</summary>
    public static UploadOptions ReadUploadOptions(IConfiguration configuration)
    {
        var options = new UploadOptions();
        var section = configuration.GetSection(UploadOptions.SectionName);
        if (section[nameof(UploadOptions.Folder)] is { Length: > 0 } folder)
        {
            options.Folder = folder;
        }
        if (section[nameof(UploadOptions.MaxBytes)] is { Length: > 0 } maxBytes)
        {
            options.MaxBytes = long.TryParse(maxBytes, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes) && bytes > 0
                ? bytes
                : throw new InvalidOperationException(
                    $"{UploadOptions.SectionName}:{nameof(UploadOptions.MaxBytes)} is '{maxBytes}'; expected a positive whole number of bytes (e.g. 536870912 for 512 MB).");
        }
        options.KeepStaged = TimeSpan.FromMinutes(Positive(section, "KeepStagedMinutes", (long)options.KeepStaged.TotalMinutes));
        return options;
    }

    /// <summary>
    /// What an import accepts at most (decision 0015): <c>Uploads:MaxExpandedBytes</c>, <c>Uploads:MaxExpansionRatio</c>,
    /// <c>Imports:MaxLineAmount</c> and <c>Imports:MaxPurchase</c>; see <see cref="ImportLimits"/> for the defaults.
    /// </summary>
    public static ImportLimits ReadImportLimits(IConfiguration configuration)
    {
        var defaults = ImportLimits.Default;
        var uploads = configuration.GetSection(UploadOptions.SectionName);
        var imports = configuration.GetSection("Imports");
        return defaults with
        {
            MaxExpandedBytes = Positive(uploads, nameof(ImportLimits.MaxExpandedBytes), defaults.MaxExpandedBytes),
            MaxExpansionRatio = (int)Math.Min(int.MaxValue, Positive(uploads, nameof(ImportLimits.MaxExpansionRatio), defaults.MaxExpansionRatio)),
            MaxLineAmount = Positive(imports, nameof(ImportLimits.MaxLineAmount), (long)defaults.MaxLineAmount),
            MaxPurchase = (int)Math.Min(int.MaxValue, Positive(imports, nameof(ImportLimits.MaxPurchase), defaults.MaxPurchase)),
        };
    }

    private static long Positive(IConfigurationSection section, string key, long fallback) => section[key] switch
    {
        null or "" => fallback,
        var text when long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 => value,
        var text => throw new InvalidOperationException($"{section.Path}:{key} is '{text}'; expected a positive whole number."),
    };

    private static bool Flag(IConfigurationSection section, string key, bool fallback) => section[key] switch
    {
        null or "" => fallback,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw new InvalidOperationException($"{section.Path}:{key} is '{text}'; expected true or false."),
    };

    private static Dictionary<string, StatusGroup>? ReadStatusGroups(IConfiguration configuration)
    {
        var section = configuration.GetSection("StatusGroups");
        if (!section.Exists())
        {
            return null;
        }
        var groups = new Dictionary<string, StatusGroup>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (!Enum.TryParse<StatusGroup>(child.Value, ignoreCase: true, out var group))
            {
                throw new InvalidOperationException(
                    $"StatusGroups:{child.Key} is '{child.Value}'; expected one of {string.Join(", ", Enum.GetNames<StatusGroup>())}.");
            }
            groups[child.Key] = group;
        }
        return groups;
    }
}
