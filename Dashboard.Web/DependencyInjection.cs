using Dashboard.Core;
using Dashboard.Core.Data;
using Dashboard.Core.Sample;
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
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddDashboardAuth();
        services.AddCrossSiteProtection(configuration);
        services.AddSignInRateLimit(Core.DependencyInjection.ReadAuthOptions(configuration));
        services.AddHostedService<FrameWarmer>();
        services.AddHostedService<DataVersionWatcher>();
        services.AddHostedService<ImportQueueWorker>();
        services.AddHostedService<AuditLogFlusher>();
        services.AddHostedService<TrainingHostedService>();
        services.AddHostedService<DigestSchedulerService>();
        services.AddExceptionHandler<StoreBusyHandler>();
        services.AddSingleton<DownloadSlots>();
        services.AddDashboardHealth();
        services.AddDashboardTelemetry(configuration);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }

    /// <summary>
    /// Brings the store up to date and, on a first start with no data, writes the sample data; instances that share a
    /// store do this one after another (<see cref="StoreWork.Startup"/>).
    /// </summary>
    public static async Task PrepareStoreAsync(this WebApplication app)
    {
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
        app.MapAnalyticsApi();
        app.MapImportsApi();
        app.MapModelsApi();
        app.MapDigestEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().AllowFrameworkScriptsAnonymously();
        return app;
    }
}
