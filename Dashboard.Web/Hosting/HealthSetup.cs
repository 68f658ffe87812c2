using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting;

/// <summary>
/// <c>/health/live</c> and <c>/health/ready</c> for the proxy and the service manager, anonymous and saying nothing about the
/// data (a word: Healthy or Unhealthy), and the drain of a stopping instance (decision 0028-health-and-drain).
/// </summary>
public static class HealthSetup
{
    private const string Ready = "ready";

    public static IServiceCollection AddDashboardHealth(this IServiceCollection services)
    {
        // The drain comes on top of the host's own time to stop the hosted services (30 s by default).
        services.AddOptions<HostOptions>().Configure<IOptions<HealthOptions>>((host, health) =>
            host.ShutdownTimeout += TimeSpan.FromSeconds(health.Value.DrainSeconds));
        services.AddSingleton<ShutdownDrain>();
        services.AddHostedService(s => s.GetRequiredService<ShutdownDrain>());
        services.AddHealthChecks()
            .AddCheck<ShutdownDrain>("draining", tags: [Ready])
            .AddCheck<StoreReadyCheck>("store", tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<FramesReadyCheck>("frames", tags: [Ready]);
        return services;
    }

    /// <summary>New requests to a stopping instance get 503 (before anything else runs for them).</summary>
    public static IApplicationBuilder UseShutdownDrain(this IApplicationBuilder app)
    {
        var drain = app.ApplicationServices.GetRequiredService<ShutdownDrain>();
        return app.Use(drain.RefuseWhileDrainingAsync);
    }

    public static IEndpointRouteBuilder MapDashboardHealth(this IEndpointRouteBuilder app)
    {
        // Live: the process answers. Ready: the draining, store and frames checks; 503 when any fails.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains(Ready) }).AllowAnonymous();
        return app;
    }
}
