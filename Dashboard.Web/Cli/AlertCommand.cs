using System.CommandLine;
using System.Text.Json;
using Dashboard.Core.Alerts;

namespace Dashboard.Web.Cli;

/// <summary>
/// <c>check-alerts [--dry-run]</c>: the operator's way to judge every active alert rule now, over the data's last two weeks and
/// the "no new data" rules, and print what fires (one JSON line per hit, then a summary); without <c>--dry-run</c> the new
/// firings are recorded and their mail sent, each at most once per rule and period, as the web app's checks do.
/// </summary>
internal static class AlertCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would fire; record and send nothing." };
        var check = new Command("check-alerts", """
            Judge every active alert rule now (the data's last two weeks, and the
            "no new data" rules) and print what fires; without --dry-run, record the
            new firings and send their mail (each rule at most once per period).
            """) { dryRun };
        return check.RunsInHost((parse, services) => CheckAsync(services, parse.GetValue(dryRun)));
    }

    private static async Task<int> CheckAsync(IServiceProvider services, bool dryRun)
    {
        var result = await services.GetRequiredService<AlertChecker>().CheckAsync(null, dryRun);
        foreach (var hit in result.Hits)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
            {
                rule = hit.Rule.Id, name = hit.Rule.Name, email = hit.Rule.Email, condition = AlertText.Condition(hit.Rule),
                start = hit.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                end = hit.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                value = hit.Value, compared = hit.Compared, low = hit.Low, high = hit.High,
            }, CliJson.Options));
        }
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { dryRun, hits = result.Hits.Count, fired = result.Fired, sent = result.Sent }, CliJson.Options));
        return 0;
    }
}
