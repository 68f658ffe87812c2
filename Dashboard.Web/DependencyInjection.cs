using Dashboard.Core;
using Dashboard.Core.Data;
using Dashboard.Core.Sample;
using Dashboard.Core.Settings;
using System.Text.Json.Serialization;
using Dashboard.Web.Api;
using Dashboard.Web.Auth;
using Dashboard.Web.Components;
using Dashboard.Web.Hosting;
using MudBlazor.Services;

namespace Dashboard.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddDashboardWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddDashboardCore(configuration, environment.ContentRootPath);
        services.AddDashboardWebSettings();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<Dashboard.Web.Components.Charts.PrerenderedPage>();
        services.AddDashboardAuth();
        services.AddCrossSiteProtection();
        services.AddSignInRateLimit();
        services.AddHostedService<FrameWarmer>();
        services.AddHostedService<DataVersionWatcher>();
        services.AddHostedService<ImportQueueWorker>();
        services.AddHostedService<AuditLogFlusher>();
        services.AddHostedService<TrainingHostedService>();
        services.AddHostedService<DigestSchedulerService>();
        services.AddHostedService<AlertService>();
        services.AddExceptionHandler<StoreBusyHandler>();
        services.AddSingleton<DownloadSlots>();
        services.AddDashboardHealth();
        services.AddDashboardTelemetry(configuration);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }

    /// <summary>The web app's own sections of the settings (the core's are added by AddDashboardCore); also for <c>check-config</c>.</summary>
    public static IServiceCollection AddDashboardWebSettings(this IServiceCollection services)
    {
        services.AddSettings<SecurityOptions>(SecurityOptions.SectionName);
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddSettings<MetricsOptions>(MetricsOptions.SectionName);
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        services.AddSettings<HealthOptions>(HealthOptions.SectionName);
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<HealthOptions>, HealthOptionsValidator>();
        return services;
    }

    /// <summary>
    /// Brings the store up to date and, on a first start with no data, writes the sample data; instances that share a
    /// store do this one after another (<see cref="StoreWork.Startup"/>).
    /// </summary>
    public static async Task PrepareStoreAsync(this WebApplication app)
    {
        app.Services.CheckSettings(); // every wrong setting at once, before the store is touched (the host's own check comes later)
        using var starting = app.Services.GetRequiredService<DashboardStore>().Kind.LockOnOwnConnection(StoreWork.Startup);
        app.Services.GetRequiredService<StoreInitializer>().Initialize();
        await app.Services.GetRequiredService<SampleDataSeeder>().SeedIfEmptyAsync();
        await app.PrepareUsersAsync();
    }

    public static WebApplication UseDashboardWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseShutdownDrain();
        app.UseDisplayCulture();
        // Routing first: the rate limiter, authorization and antiforgery act on the endpoint's metadata, not on the path.
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseCrossSiteProtection();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapDashboardHealth();
        app.MapDashboardMetrics();
        app.MapAccountEndpoints();
        app.MapAntiforgeryToken();
        app.MapDisplayCulture();
        app.MapAnalyticsApi();
        app.MapImportsApi();
        app.MapModelsApi();
        app.MapEventsApi();
        app.MapViewsApi();
        app.MapDigestEndpoints();
        app.MapAlertsApi();
        app.MapAlertEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().AllowFrameworkScriptsAnonymously();
        return app;
    }
}
