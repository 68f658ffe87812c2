using System.Security.Cryptography;
using Dashboard.Core.Alerts;
using Dashboard.Core.Imports.Queue;
using Dashboard.Tests.Integration.Digests;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Dashboard.Tests.Integration.Alerts;

/// <summary>
/// Alerts end to end over a real SMTP exchange on loopback (<see cref="SmtpSink"/>): imports and undos go through the app's own
/// import queue, whose finished jobs start the checks (<see cref="AlertTrigger"/>), and the mail goes out through the digests'
/// transport and <see cref="Dashboard.Core.Mail.MailGuard"/>.
/// </summary>
public sealed class AlertMailTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2022, 4, 25, 6, 0, 0, TimeSpan.Zero));
    private readonly SmtpSink _sink = new();
    private readonly CancellationTokenSource _stop = new();
    private ServiceProvider _process = null!;
    private Task _running = Task.CompletedTask;

    public Task InitializeAsync()
    {
        _process = MailServices.Process(_db, _clock, _sink.Settings().ToDictionary(kv => kv.Key, kv => (string?)kv.Value));
        var queue = _process.GetRequiredService<ImportQueue>();
        var trigger = _process.GetRequiredService<AlertTrigger>();
        _running = Task.WhenAll(Task.Run(() => queue.RunAsync(_stop.Token)), Task.Run(() => trigger.RunAsync(_stop.Token)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAny(_running, Task.Delay(5_000));
        await _process.DisposeAsync();
        await _sink.DisposeAsync();
        _db.Dispose();
    }

    private IReadOnlyList<MimeMessage> Alerts => [.. _sink.Messages.Where(m => m.Subject is { } subject && subject.StartsWith("Alert:", StringComparison.Ordinal))];

    /// <summary>Runs a job through the queue; the check it started, or null when it changed no data (then none runs).</summary>
    private async Task<(ImportJob Job, AlertCheckResult? Check)> Run(Func<ImportQueue, ImportJob> enqueue)
    {
        var checkedOnce = new TaskCompletionSource<AlertCheckResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var trigger = _process.GetRequiredService<AlertTrigger>();
        void Done(AlertCheckResult r) => checkedOnce.TrySetResult(r);
        trigger.Checked += Done;
        try
        {
            var job = enqueue(_process.GetRequiredService<ImportQueue>());
            await job.Completion.WaitAsync(TimeSpan.FromSeconds(60));
            return (job, AlertTrigger.TouchedBy(job) is null ? null : await checkedOnce.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            trigger.Checked -= Done;
        }
    }

    private Task<(ImportJob Job, AlertCheckResult? Check)> Import(string csv, string name) => Run(queue =>
    {
        var path = Path.Combine(_db.Folder, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, csv);
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        return queue.EnqueueCommit(new StagedUpload(Guid.NewGuid().ToString("N"), name, path, new FileInfo(path).Length, hash));
    });

    private async Task<SavedAlert> Rule(string user, string email)
    {
        var actor = await _process.UserAsync(user);
        return await _process.GetRequiredService<AlertRules>().SaveAsync(actor,
            new AlertInput("Set above 15 a day", "orders", "day", "category=Set", "above", 15, email));
    }

    [Fact]
    public async Task AnImportThatAddsSuchADaySendsOneMailAndNoRepeatOrUndoSendsItAgain()
    {
        var saved = await Rule("ana", "ana@example.test");
        await _process.ConfirmAsync(saved.Rule.UserId, "ana@example.test");

        var (weeks12, quiet) = await Import(AlertFixture.Csv(0, 13), "weeks-1-2.csv");
        Assert.True(weeks12.Succeeded, weeks12.Error ?? weeks12.Summary?.Error);
        Assert.Equal((0, 0), (quiet!.Fired, Alerts.Count));

        var (week3, spike) = await Import(AlertFixture.Csv(14, 20), "week-3.csv");
        Assert.Equal((1, 1), (spike!.Fired, spike.Sent));
        var mail = Assert.Single(Alerts);
        Assert.Equal(["ana@example.test"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("20 on Wed 20 Apr 2022", mail.Subject);
        var html = mail.HtmlBody;
        Assert.Contains("Orders on Wed 20 Apr 2022: 20.", html);
        Assert.Contains("http://localhost/orders?from=2022-04-20&amp;to=2022-04-20&amp;category=Set", html);
        Assert.Contains("http://localhost/orders/rows?from=2022-04-20&amp;to=2022-04-20&amp;category=Set", html);
        Assert.Contains("http://localhost/alerts/snooze?token=", html);
        Assert.Contains("http://localhost/alerts/unsubscribe?token=", html);
        // What drove it against the Wednesday before (7 orders), by state under the one category: all 13 more in Maharashtra (the import tidies the state's case).
        Assert.Contains("What drove the change from Wed 13 Apr 2022 (by state):\n- Maharashtra: +13", mail.TextBody);
        Assert.Contains(mail.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png" && p.ContentId == "alert-chart");

        // The same file again changes nothing (refused as a repeat, or kept with every line unchanged): no new mail.
        var (again, repeat) = await Import(AlertFixture.Csv(14, 20), "week-3-again.csv");
        Assert.Equal(0, repeat?.Fired ?? 0);
        Assert.Single(Alerts);

        // Undone and imported again: the day comes back, but the rule has fired for it already.
        var (undo, undone) = await Run(queue => queue.EnqueueUndo(week3.BatchId!.Value));
        Assert.True(undo.Succeeded, undo.Error ?? undo.UndoResult?.Error);
        Assert.Equal(0, undone!.Fired);
        var (reimport, back) = await Import(AlertFixture.Csv(14, 20), "week-3-after-undo.csv");
        Assert.True(reimport.Succeeded, reimport.Error ?? reimport.Summary?.Error);
        Assert.Single(back!.Hits);
        Assert.Equal(0, back.Fired);
        Assert.Single(Alerts);
        _ = again;
    }

    [Fact]
    public async Task AnUnconfirmedAddressGetsOnlyItsConfirmationSoAViewerCannotMailSomeoneElse()
    {
        await Rule("mallory", "victim@example.test");

        var (_, check) = await Import(AlertFixture.Csv(), "all.csv");

        Assert.Empty(check!.Hits); // the rule is not judged until its address is confirmed
        var only = Assert.Single(_sink.Messages);
        Assert.Equal(Dashboard.Core.Mail.ConfirmationMail.Subject, only.Subject);
        Assert.Equal(["victim@example.test"], only.To.Mailboxes.Select(m => m.Address));
        Assert.Empty(await _process.GetRequiredService<AlertRules>().FiringsAsync(null));
    }
}
