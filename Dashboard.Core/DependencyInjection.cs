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
using Microsoft.Extensions.Options;
using Dashboard.Core.Settings;
using Dashboard.Core.Logging;

namespace Dashboard.Core;

public static class DependencyInjection
{
    /// <summary>
    /// The store, the importers and the query services, configured from <paramref name="configuration"/>: every section
    /// is an options class (<see cref="SettingsServices.AddSettings{T}"/>), checked at start.
    /// </summary>
    public static IServiceCollection AddDashboardCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSettingsSource(configuration);
        services.AddLogRedaction();
        services.AddSettings<StoreOptions>(StoreOptions.SectionName)
            .Configure<IConfiguration>((o, c) => o.ConnectionString = c.GetConnectionString(StoreOptions.ConnectionStringName));
        services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            return new DashboardStore(store.ConnectionString!, contentRoot, store.Provider);
        });
        services.AddDbContextFactory<DashboardDbContext>((sp, o) => sp.GetRequiredService<DashboardStore>().Configure(o)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));

        services.AddSettings<StatusGroupsOptions>(StatusGroupsOptions.SectionName);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StatusGroupsOptions>>().Value is { Count: > 0 } groups
            ? new StatusGroupMapping(groups) : new StatusGroupMapping());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<DataVersion>();
        services.AddSingleton<DatasetSummaryQuery>();
        services.AddSettings<UploadOptions>(UploadOptions.SectionName);
        services.AddSettings<ImportsOptions>(ImportsOptions.SectionName);
        services.AddSingleton(sp => ImportLimits.From(
            sp.GetRequiredService<IOptions<UploadOptions>>().Value, sp.GetRequiredService<IOptions<ImportsOptions>>().Value));
        services.AddSingleton(provider => LargeStoreUpkeep.For(provider.GetRequiredService<IOptions<AnalyticsOptions>>().Value));
        services.AddSingleton<ImportService>();
        services.AddSingleton<Imports.Undo.BatchUndoService>();
        services.AddSingleton(sp => new UploadStaging(sp.GetRequiredService<IOptions<UploadOptions>>().Value, contentRoot));
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<Imports.History.ImportHistoryQuery>();
        services.AddSingleton<StoreInitializer>();
        services.AddSingleton<SampleDataSeeder>();
        services.AddDashboardAnalytics();
        services.AddDashboardModels();
        services.AddSettings<AuthOptions>(AuthOptions.SectionName);
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<Views.SavedViews>();
        services.AddSingleton<UserService>();
        services.AddDashboardDigests();
        services.AddDashboardAlerts();
        services.AddDashboardDisplay();
        return services;
    }

    /// <summary>The display culture (<c>Display</c> section): numbers for people, never for files.</summary>
    public static IServiceCollection AddDashboardDisplay(this IServiceCollection services)
    {
        // The process's culture, read here rather than inside a request, where the current culture is the reader's.
        var server = System.Globalization.CultureInfo.CurrentCulture;
        services.AddSettings<Display.DisplayOptions>(Display.DisplayOptions.SectionName);
        services.AddSingleton<IValidateOptions<Display.DisplayOptions>, Display.DisplayOptionsValidator>();
        services.AddSingleton(sp => new Display.DisplayCulture(
            sp.GetRequiredService<IOptions<Display.DisplayOptions>>(), sp.GetRequiredService<DatasetSummaryQuery>(),
            sp.GetRequiredService<DataVersion>(), server));
        return services;
    }

    /// <summary>The weekly digest by e-mail (decision 0012): the <c>Mail</c> settings, subscriptions, the sender and the scheduler.</summary>
    public static IServiceCollection AddDashboardDigests(this IServiceCollection services)
    {
        services.AddSettings<Digests.MailOptions>(Digests.MailOptions.SectionName);
        services.AddSingleton<IValidateOptions<Digests.MailOptions>, Digests.MailOptionsValidator>();
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

    /// <summary>Alert rules, their evaluation, firings and mail (docs/decisions/0037-alerts.md).</summary>
    public static IServiceCollection AddDashboardAlerts(this IServiceCollection services)
    {
        services.AddSingleton<Alerts.AlertTokens>();
        services.AddSingleton<Alerts.AlertEvaluator>();
        services.AddSingleton<Alerts.AlertRules>();
        services.AddSingleton<Alerts.AlertDelivery>();
        services.AddSingleton<Alerts.AlertChecker>();
        services.AddSingleton<Alerts.AlertTrigger>();
        return services;
    }

    /// <summary>The model store, the training coordinator and the scoring services (decisions 0005 and 0009).</summary>
    public static IServiceCollection AddDashboardModels(this IServiceCollection services)
    {
        services.AddSettings<ModelsOptions>(ModelsOptions.SectionName);
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
    public static IServiceCollection AddDashboardAnalytics(this IServiceCollection services)
    {
        services.AddSettings<AnalyticsOptions>(AnalyticsOptions.SectionName);
        services.AddSingleton<OrdersFrameCache>();
        services.AddSingleton<PurchasesFrameCache>();
        services.AddSingleton<OrdersOverviewQuery>();
        services.AddSingleton<Orders.Rows.OrderRowsQuery>();
        services.AddSingleton<Purchases.Rows.PurchaseRowsQuery>();
        services.AddSingleton<WeeklyReviewQuery>();
        services.AddSingleton<Drivers.DriversQuery>();
        services.AddSingleton<Events.TimelineEvents>();
        services.AddSingleton<Forecasting.OrdersForecastQuery>();
        services.AddSingleton<PurchasesQuery>();
        services.AddSettings<DownloadOptions>(DownloadOptions.SectionName);
        services.AddSingleton<OrderLinesExport>();
        services.AddSingleton<PurchasesExport>();
        return services;
    }
}
