using Dashboard.Core.Alerts;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Runs the alerts for the life of the app (docs/decisions/0037-alerts.md): the checks that committed imports and undos
/// queue (<see cref="AlertTrigger"/>), a pass every half minute that sends the alert mails that are due (retries included), and
/// once a day a check of the data's last two weeks and of the "no new data" rules.
/// </summary>
public sealed class AlertService(AlertTrigger trigger, AlertChecker checker, TimeProvider clock, ILogger<AlertService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Task.Run(() => trigger.RunAsync(stoppingToken), CancellationToken.None), Task.Run(() => PassesAsync(stoppingToken), CancellationToken.None));

    private async Task PassesAsync(CancellationToken stoppingToken)
    {
        DateOnly? checkedOn = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                if (checkedOn != today)
                {
                    var result = await checker.CheckAsync(null, dryRun: false, stoppingToken);
                    logger.LogInformation("Daily alert check: {Hits} hits, {Fired} new, {Sent} sent", result.Hits.Count, result.Fired, result.Sent);
                    checkedOn = today;
                }
                else
                {
                    await checker.SendDueAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The alerts' pass failed; it tries again in {Interval}.", Interval);
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
    }
}
