using Dashboard.Core.Digests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Runs <see cref="DigestScheduler"/> every half minute for the life of the app. Without mail settings it says once what
/// is missing and sends nothing; subscriptions are kept. Also gives the digest's links the app's own address when
/// <c>Mail:PublicUrl</c> is not set.
/// </summary>
public sealed class DigestSchedulerService(
    DigestScheduler scheduler, IOptions<MailOptions> mailSettings, DigestLinks links, IServer server, IHostApplicationLifetime lifetime, TimeProvider clock,
    ILogger<DigestSchedulerService> logger) : BackgroundService
{
    private readonly MailOptions _options = mailSettings.Value;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(async () =>
        {
            lifetime.ApplicationStarted.Register(() =>
                links.Fallback ??= server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault());
            if (_options.Problems() is { Count: > 0 } problems)
            {
                logger.LogWarning("The weekly digest is not sent: {Problems}", string.Join(" ", problems));
                return;
            }
            if (string.IsNullOrEmpty(_options.PublicUrl))
            {
                logger.LogWarning("Mail:PublicUrl is not set: the digest's links use the address the app listens on.");
            }
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await scheduler.RunDueAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    logger.LogError(e, "The digest scheduler's pass failed; it tries again in {Interval}.", Interval);
                }
                try
                {
                    await Task.Delay(Interval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }, CancellationToken.None);
}
