using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Digests;
using Dashboard.Core.Users;

namespace Dashboard.Web.Cli;

/// <summary>
/// <c>send-digest USER [--week yyyy-MM-dd]</c>: the operator's way to send (or send again) a user's digests now. It does
/// not touch the scheduler's rows: the scheduled digest of that week is still sent once at its time.
/// </summary>
internal static class DigestCommand
{
    public static Command Create()
    {
        var user = new Argument<string>("USER") { Description = "The user whose digests to send (in any case)." };
        var week = new Option<DateOnly?>("--week")
        {
            HelpName = "DATE",
            Description = "The week starting that day, as yyyy-MM-dd (e.g. 2022-06-20); by default the data's last complete week.",
            CustomParser = ParseWeek,
        };
        var send = new Command("send-digest", """
            Send USER's weekly review digests now (every subscription of theirs), for
            the week starting --week DATE (default: the data's last complete week).
            Needs the Mail settings; exit code 1 when a digest could not be sent.
            """) { user, week };
        return send.RunsInHost((parse, services) => SendAsync(services, parse.GetRequiredValue(user), parse.GetValue(week)));
    }

    private static DateOnly? ParseWeek(ArgumentResult result)
    {
        var text = result.Tokens is [var token] ? token.Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        result.AddError($"--week takes a date as yyyy-MM-dd (e.g. 2022-06-20), not '{text}'.");
        return null;
    }

    private static async Task<int> SendAsync(IServiceProvider services, string userName, DateOnly? week)
    {
        var mail = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value;
        if (mail.Problems() is { Count: > 0 } problems)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { user = userName, sent = 0, error = "E-mail is not set up.", missing = problems }, CliJson.Options));
            await Console.Error.WriteLineAsync("E-mail is not set up: " + string.Join(" ", problems));
            return 1;
        }
        var user = (await services.GetRequiredService<UserService>().ListAsync())
            .FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"There is no user named '{userName}'.");
            return 1;
        }
        var subscriptions = await services.GetRequiredService<DigestSubscriptions>().ListAsync(user.Id);
        if (subscriptions.Count == 0)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { user = user.UserName, sent = 0, error = "no subscription" }, CliJson.Options));
            await Console.Error.WriteLineAsync($"{user.UserName} has no digest subscription (they subscribe on the E-mail digest page, or an admin adds one).");
            return 1;
        }
        var delivery = services.GetRequiredService<DigestDelivery>();
        var results = new List<object>();
        var failed = 0;
        foreach (var view in subscriptions)
        {
            try
            {
                var message = await delivery.SendAsync(view.Subscription, week);
                results.Add(new { to = view.Subscription.Email, subject = message.Subject, sent = true });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                results.Add(new { to = view.Subscription.Email, sent = false, error = e.Message });
            }
        }
        await services.GetRequiredService<AuditLog>().RecordAsync("command line", "digest sent", $"{user.UserName}: {subscriptions.Count - failed} of {subscriptions.Count}");
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { user = user.UserName, sent = subscriptions.Count - failed, digests = results }, CliJson.Options));
        return failed == 0 ? 0 : 1;
    }
}
