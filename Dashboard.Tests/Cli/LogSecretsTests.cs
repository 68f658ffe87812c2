using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Digests;
using Dashboard.Core.Orders;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Dashboard.Tests.Cli;

/// <summary>
/// A whole run's logs, every category at Trace, hold no password, token, secret setting or e-mail body: the web app
/// through a sign-in, a failed sign-in, an import and a confirmation link followed, and the <c>send-digest</c> verb.
/// </summary>
public sealed class LogSecretsTests
{
    private static readonly Dictionary<string, string> EverythingLogged = new()
    {
        ["Logging__LogLevel__Default"] = "Trace",
        ["Logging__LogLevel__Microsoft"] = "Trace",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Trace",
    };

    [Fact]
    public async Task NoPasswordTokenSecretOrMailBodyAppearsInAnyLogLine()
    {
        using var db = new TempDatabase(migrate: false);
        await using var sink = new SmtpSink();
        var smtpPassword = "smtp-secret-" + Guid.NewGuid().ToString("N");
        var wrongPassword = "wrong-password-" + Guid.NewGuid().ToString("N");
        var settings = new Dictionary<string, string>(EverythingLogged)
        {
            ["Mail__Smtp__UserName"] = "dashboard-mailer",
            ["Mail__Smtp__Password"] = smtpPassword,
            ["Models__TrainOnFirstStart"] = "false",
        };
        foreach (var (key, value) in sink.Settings())
        {
            settings[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var log = new ConcurrentQueue<string>();

        string apiToken, confirmationLink;
        await using (var app = await AppProcess.StartAsync(db.ConnectionString, settings, browser: false, log: log)) // signs in
        {
            using var stranger = Client(app.BaseUrl);
            using (var failed = await TestUsers.PostSignInAsync(stranger, TestUsers.Admin, wrongPassword))
            {
                Assert.NotEqual(HttpStatusCode.Redirect, failed.StatusCode);
            }
            apiToken = await TestUsers.ApiTokenAsync(app.Http);
            await ImportAsync(app.Http, apiToken);
            confirmationLink = await SubscribeAsync(db, sink);
            var path = new Uri(confirmationLink).PathAndQuery;
            using var anonymous = Client(app.BaseUrl);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(path, null)).StatusCode);
        }
        var send = await WebExecutable.RunAsync(db.ConnectionString, db.Folder,
            ["send-digest", "log-manager", .. settings.Select(s => $"--{s.Key.Replace("__", ":", StringComparison.Ordinal)}={s.Value}")]);
        Assert.True(send.ExitCode == 0, send.Stderr);
        var digest = await sink.WaitForAsync(m => (m.Subject ?? "").StartsWith("Weekly review", StringComparison.Ordinal));
        Assert.Contains(smtpPassword, sink.Passwords); // the secret was in use
        var lines = log.Concat(Lines(send.Stdout)).Concat(Lines(send.Stderr)).ToList();
        Assert.Contains(lines, l => l.Contains("/mail/confirm", StringComparison.Ordinal)); // the requests were logged

        var secrets = new Dictionary<string, string>
        {
            ["the sign-in password"] = TestUsers.Password,
            ["the failed sign-in's password"] = wrongPassword,
            ["Mail:Smtp:Password"] = smtpPassword,
            ["the API's antiforgery token"] = apiToken,
            ["the confirmation token"] = Token(confirmationLink),
            ["the unsubscribe token"] = Token(LinkAfter(digest, "Unsubscribe: ")),
        };
        foreach (var (name, secret) in secrets)
        {
            Assert.True(secret.Length >= 12, name);
            foreach (var form in new[] { secret, Uri.EscapeDataString(secret) })
            {
                var leak = lines.FirstOrDefault(l => l.Contains(form, StringComparison.Ordinal));
                Assert.True(leak is null, $"{name} is in the log: {leak}");
            }
        }
        var bodies = BodyLines(digest).Concat(BodyLines(await ConfirmationAsync(sink))).ToList();
        Assert.True(bodies.Count >= 3, string.Join(" | ", bodies));
        foreach (var body in bodies)
        {
            var leak = lines.FirstOrDefault(l => l.Contains(body, StringComparison.Ordinal));
            Assert.True(leak is null, $"The mail's text '{body}' is in the log: {leak}");
        }
    }

    private static HttpClient Client(string baseUrl) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };

    private static async Task ImportAsync(HttpClient http, string apiToken)
    {
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/imports?file=orders.csv")
        {
            Content = new StringContent(new AmazonCsv().Line("LOG-1").Line("LOG-2", status: "Cancelled").ToString(), Encoding.UTF8, "text/csv"),
        };
        upload.Headers.Add("X-CSRF-TOKEN", apiToken);
        using var accepted = await http.SendAsync(upload);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        // a guard against a hung job, not a timing assertion
        for (var deadline = DateTime.UtcNow.AddMinutes(2); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            var state = await http.GetFromJsonAsync<JsonElement>(accepted.Headers.Location!.ToString());
            if (state.GetProperty("state").GetString() == "Finished")
            {
                Assert.Equal("Succeeded", state.GetProperty("summary").GetProperty("state").GetString());
                return;
            }
        }
        throw new TimeoutException("The import did not finish.");
    }

    /// <summary>A user and their subscription, saved by the app's own services over the same store; returns the confirmation link mailed.</summary>
    private static async Task<string> SubscribeAsync(TempDatabase db, SmtpSink sink)
    {
        var transport = new SmtpMailTransport(Microsoft.Extensions.Options.Options.Create(new MailOptions
        {
            Host = "127.0.0.1", Port = sink.Port, From = "dashboard@example.test",
        }));
        await using var services = MailServices.Process(db, TimeProvider.System, transport);
        var user = await services.AddUserAsync("log-manager", Role.Viewer);
        await services.GetRequiredService<DigestSubscriptions>().SaveAsync(user,
            new SubscriptionInput(user.Id, "log-manager@example.test", DayOfWeek.Monday, 7, "UTC", OrderFilter.None));
        return LinkAfter(await ConfirmationAsync(sink), "Confirm: ");
    }

    private static Task<MimeMessage> ConfirmationAsync(SmtpSink sink) =>
        sink.WaitForAsync(m => (m.Subject ?? "").StartsWith("Confirm", StringComparison.Ordinal));

    private static string LinkAfter(MimeMessage message, string label) =>
        Lines(message.TextBody).Single(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Trim();

    private static string Token(string link) => Uri.UnescapeDataString(new Uri(link).Query["?token=".Length..]);

    /// <summary>The lines of a mail's text that say something of their own (not a link, not the subject).</summary>
    private static IEnumerable<string> BodyLines(MimeMessage message) => Lines(message.TextBody)
        .Select(l => l.Trim())
        .Where(l => l.Length >= 20 && !l.Contains("http", StringComparison.Ordinal) && l != message.Subject);

    private static string[] Lines(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
