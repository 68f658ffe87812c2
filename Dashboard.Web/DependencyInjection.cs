using Dashboard.Core;
using Dashboard.Core.Data;
using Dashboard.Core.Data.Schema;
using System.Text.Json.Serialization;
using Dashboard.Web.Api;
using Dashboard.Web.Components;
using Radzen;

namespace Dashboard.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddDashboardWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddDashboardCore(configuration, environment.ContentRootPath);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddHostedService<SnapshotWarmer>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }

    public static WebApplication UseDashboardWeb(this WebApplication app)
    {
        app.Services.GetRequiredService<SchemaMigrator>().Migrate(app.Services.GetRequiredService<DashboardStore>().ConnectionString);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapAnalyticsApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
