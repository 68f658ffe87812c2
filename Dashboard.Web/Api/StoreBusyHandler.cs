using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace Dashboard.Web.Api;

/// <summary>
/// The last line for what a moment later will answer: a write that found the store held by an import for longer than
/// its busy timeout and was not refused by its own service (those show <see cref="StoreBusy.Message"/> where the change
/// was asked for), and an export whose data kept changing under it (<see cref="DataChangedException"/>). 503 with
/// <c>Retry-After</c> and the reason, not a 500 (decision 0011).
/// </summary>
internal sealed class StoreBusyHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var reason = exception is DataChangedException ? exception.Message : StoreBusy.Is(exception) ? StoreBusy.Message : null;
        if (reason is null || httpContext.Response.HasStarted)
        {
            return false;
        }
        if (exception is not DataChangedException)
        {
            Core.Telemetry.DashboardTelemetry.StoreBusyRefusals.Add(1, new KeyValuePair<string, object?>("where", "request"));
        }
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "30";
        httpContext.Response.ContentType = "text/plain; charset=utf-8";
        await httpContext.Response.WriteAsync(reason, cancellationToken);
        return true;
    }
}
