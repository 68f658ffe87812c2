using Dashboard.Core.Telemetry;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Metrics and traces through OpenTelemetry (decision 0029-metrics-and-traces): ASP.NET Core's, Kestrel's,
/// Blazor's, the runtime's, Npgsql's and ours (<see cref="DashboardTelemetry"/>); Prometheus text at <c>/metrics</c> for
/// loopback and <c>Metrics:AllowedNetworks</c>; metrics and traces over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// Log lines written inside a span carry its trace and span ids.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The service's name in every resource; <c>service.instance.id</c> tells the instances apart.</summary>
    public const string ServiceName = "dashboard";

    /// <summary>
    /// Blazor's lifecycle meter, which <c>AddAspNetCoreInstrumentation</c> turns on with the circuits' and the navigations'
    /// meters: a histogram per component type of every parameter update and render batch. It made 1,827 of the 2,248 lines
    /// of each scrape, and a measurement on every component's render (decision 0029-metrics-and-traces).
    /// </summary>
    private const string BlazorLifecycleMeter = "Microsoft.AspNetCore.Components.Lifecycle";

    /// <summary>
    /// Kestrel's memory pool meter (new in ASP.NET Core 10): a measurement on every block rented from and returned to the pool,
    /// several per request. Profiled under the overview's requests it was the largest single cost of metrics (about 1 % of the
    /// process's CPU with its aggregation), for figures about the server's allocator that no one running the dashboard acts on.
    /// </summary>
    private const string KestrelMemoryPoolMeter = "Microsoft.AspNetCore.MemoryPool";

    /// <summary>Meters left out of the pipeline: dropped by a view, so their instruments are never switched on.</summary>
    private static readonly HashSet<string> DroppedMeters = [BlazorLifecycleMeter, KestrelMemoryPoolMeter];

    public static IServiceCollection AddDashboardTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LoggerFactoryOptions>(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
        services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);

        // Whether there is a pipeline at all is decided while services are registered, before the settings are checked: a
        // value that is not true or false counts as the default here, and the check then stops the start naming it.
        var metricsOn = !bool.TryParse(configuration[$"{MetricsOptions.SectionName}:{nameof(MetricsOptions.Enabled)}"], out var enabled) || enabled;
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!metricsOn && !otlp)
        {
            return services;
        }
        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r
            .AddService(ServiceName, serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}")
            .AddEnvironmentVariableDetector()); // OTEL_RESOURCE_ATTRIBUTES=service.instance.id=… names an instance
        if (metricsOn)
        {
            telemetry.WithMetrics(m =>
            {
                m.AddMeter(DashboardTelemetry.Name)
                    .AddAspNetCoreInstrumentation() // with Blazor's circuits, navigations and events
                    .AddView(i => DroppedMeters.Contains(i.Meter.Name) ? MetricStreamConfiguration.Drop : null)
                    .AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddNpgsqlInstrumentation()
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
        }
        if (otlp)
        {
            telemetry.WithTracing(t => t.AddSource(DashboardTelemetry.Name).AddSource("Microsoft.AspNetCore.Components")
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !IsProbe(c.Request.Path))
                .AddHttpClientInstrumentation().AddNpgsql()
                .AddOtlpExporter());
        }
        return services;
    }

    /// <summary><c>/metrics</c>, answered only to loopback and <c>Metrics:AllowedNetworks</c> (404 to others), when metrics are on.</summary>
    public static IEndpointRouteBuilder MapDashboardMetrics(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }
        app.MapPrometheusScrapingEndpoint("/metrics", null, branch => branch.Use(async (context, next) =>
        {
            if (!options.Allows(context.Connection.RemoteIpAddress))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(context);
        }), null).AllowAnonymous();
        return app;
    }

    /// <summary>The proxy's and the scraper's requests, which would crowd the traces out.</summary>
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
}
