using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting;

/// <summary>
/// A stopping instance drains before its hosted services stop (decision 0028-health-and-drain): from the stop
/// (SIGTERM) on, <c>/health/ready</c> answers 503 and new requests get 503 with <c>Retry-After</c>, which nginx
/// (<c>proxy_next_upstream http_503</c>) sends to another instance; the requests under way finish during
/// <see cref="HealthOptions.DrainSeconds"/>. Then the hosted services stop: a running import is cancelled and rolls back,
/// and the server closes the open circuits.
/// </summary>
internal sealed class ShutdownDrain(IHostApplicationLifetime lifetime, IOptions<HealthOptions> options, ILogger<ShutdownDrain> logger)
    : IHostedLifecycleService, IHealthCheck
{
    private volatile bool _draining;

    public bool Draining => _draining || lifetime.ApplicationStopping.IsCancellationRequested;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        var drain = TimeSpan.FromSeconds(options.Value.DrainSeconds);
        if (drain <= TimeSpan.Zero)
        {
            return;
        }
        logger.LogInformation("Stopping: draining for {Seconds} s (ready answers 503, new requests go to another instance)", drain.TotalSeconds);
        try
        {
            await Task.Delay(drain, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Draining ? HealthCheckResult.Unhealthy("draining") : HealthCheckResult.Healthy());

    /// <summary>While draining, refuses every request but the health and metrics endpoints with 503, so that the proxy tries another instance.</summary>
    public async Task RefuseWhileDrainingAsync(HttpContext context, RequestDelegate next)
    {
        if (Draining && !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/metrics"))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            context.Response.Headers.Connection = "close";
            await context.Response.WriteAsync("This instance is stopping; try again.", context.RequestAborted);
            return;
        }
        await next(context);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
