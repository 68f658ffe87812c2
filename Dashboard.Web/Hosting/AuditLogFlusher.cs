using Dashboard.Core.Users;

namespace Dashboard.Web.Hosting;

/// <summary>At shut-down, stores the audit entries still queued behind a busy store (decision 0011).</summary>
internal sealed class AuditLogFlusher(AuditLog audit) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => audit.FlushAsync(TimeSpan.FromSeconds(20));
}
