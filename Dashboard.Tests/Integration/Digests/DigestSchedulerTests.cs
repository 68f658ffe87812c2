using Dashboard.Core.Orders;
using Dashboard.Core.Digests;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Dashboard.Tests.Integration.Digests;

/// <summary>
/// The digest scheduler against a real SQLite store and a manual clock: a due digest is sent once, restarts neither repeat
/// nor skip it, failures are retried with backoff, and time zones and daylight-saving days behave.
/// </summary>
public sealed class DigestSchedulerTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)); // a Sunday

    public void Dispose() => _db.Dispose();

    /// <summary>One "process": the app's own services over the shared store, with the manual clock and a recording mailer.</summary>
    private ServiceProvider Process(RecordingTransport transport) => MailServices.Process(_db, _clock, transport);

    private async Task<DigestSubscription> Subscribe(ServiceProvider process, DayOfWeek day, int hour, string zone, string name = "manager", bool confirm = true)
    {
        var users = process.GetRequiredService<UserService>();
        var user = (await users.ListAsync()).FirstOrDefault(u => u.UserName == name) ?? await users.CreateAsync(name, "a long password", Role.Viewer, "admin");
        var saved = await process.GetRequiredService<DigestSubscriptions>().SaveAsync(user,
            new SubscriptionInput(user.Id, $"{name}@example.test", day, hour, zone, OrderFilter.None with { Categories = ["Set"] }));
        if (confirm)
        {
            await process.ConfirmAsync(user.Id, saved.Subscription.Email);
        }
        return saved.Subscription;
    }

    private static Task<int> Run(ServiceProvider process) => process.GetRequiredService<DigestScheduler>().RunDueAsync();

    private async Task<DigestSend> OnlySend(ServiceProvider process) =>
        Assert.Single(await process.GetRequiredService<DigestSubscriptions>().SendsAsync()).Send;

    [Fact]
    public async Task ADueDigestIsSentOnceAtItsMomentAndAgainOnlyTheWeekAfter()
    {
        var mail = new RecordingTransport();
        await using var process = Process(mail);
        await Subscribe(process, DayOfWeek.Monday, 7, "Europe/Berlin");

        _clock.Set(2026, 11, 30, 5, 59);                  // 06:59 in Berlin
        Assert.Equal(0, await Run(process));
        _clock.Set(2026, 11, 30, 6, 0);                   // 07:00 in Berlin
        Assert.Equal(1, await Run(process));
        _clock.Set(2026, 11, 30, 6, 0, 30);
        Assert.Equal(0, await Run(process));
        _clock.Set(2026, 12, 3, 9, 0);
        Assert.Equal(0, await Run(process));
        _clock.Set(2026, 12, 7, 6, 0);
        Assert.Equal(1, await Run(process));

        Assert.Equal(2, mail.Sent.Count);
        Assert.Equal(["manager@example.test"], mail.Sent[0].To.Mailboxes.Select(m => m.Address));
        var sends = await process.GetRequiredService<DigestSubscriptions>().SendsAsync();
        Assert.Equal([new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 23)], sends.Select(s => s.Send.Week));
        Assert.All(sends, s => Assert.Equal(DigestSendState.Sent, s.Send.State));
    }

    [Fact]
    public async Task AMomentBeforeTheSubscriptionWasMadeIsNotSent()
    {
        var mail = new RecordingTransport();
        await using var process = Process(mail);
        _clock.Set(2026, 11, 30, 8, 0);                   // Monday 09:00 in Berlin: this week's moment has passed
        await Subscribe(process, DayOfWeek.Monday, 7, "Europe/Berlin");

        Assert.Equal(0, await Run(process));
        _clock.Set(2026, 12, 7, 6, 0);
        Assert.Equal(1, await Run(process));
    }

    [Fact]
    public async Task ADisabledUserGetsNoDigest()
    {
        var mail = new RecordingTransport();
        await using var process = Process(mail);
        var subscription = await Subscribe(process, DayOfWeek.Monday, 7, "Europe/Berlin");
        await process.GetRequiredService<UserService>().SetDisabledAsync(subscription.UserId, true, "admin");

        _clock.Set(2026, 11, 30, 6, 0);
        Assert.Equal(0, await Run(process));
        Assert.Empty(mail.Sent);
    }

    [Fact]
    public async Task ARestartJustAfterTheMomentNeitherSkipsNorRepeatsIt()
    {
        var first = new RecordingTransport();
        await using (var before = Process(first))
        {
            await Subscribe(before, DayOfWeek.Monday, 7, "Europe/Berlin");
            _clock.Set(2026, 11, 30, 6, 0);
            Assert.Equal(1, await Run(before));
        }
        // The process restarts at 07:00:30: it finds the row of the digest it sent and sends nothing.
        var second = new RecordingTransport();
        await using (var after = Process(second))
        {
            _clock.Set(2026, 11, 30, 6, 0, 30);
            Assert.Equal(0, await Run(after));
        }
        // A process that was down at 07:00 and starts at 07:00:30 sends it then.
        var third = new RecordingTransport();
        await using var late = Process(third);
        _clock.Set(2026, 11, 29, 12, 0);                  // subscribed on Sunday
        await Subscribe(late, DayOfWeek.Monday, 7, "Europe/Berlin", "other");
        _clock.Set(2026, 11, 30, 6, 0, 30);
        Assert.Equal(1, await Run(late));

        Assert.Single(first.Sent);
        Assert.Empty(second.Sent);
        Assert.Equal("other@example.test", Assert.Single(third.Sent).To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task AProcessThatDiesInTheMiddleOfASendIsTakenOverOnceAndNotRepeated()
    {
        var hanging = new RecordingTransport { Hang = true };
        var dying = Process(hanging);
        await Subscribe(dying, DayOfWeek.Monday, 7, "Europe/Berlin");
        _clock.Set(2026, 11, 30, 6, 0);
        using var kill = new CancellationTokenSource();
        var pass = dying.GetRequiredService<DigestScheduler>().RunDueAsync(kill.Token);
        await hanging.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await kill.CancelAsync();                          // the process is gone while the mail server had the message half-way
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pass);
        Assert.Equal(DigestSendState.Sending, (await OnlySend(dying)).State);
        await dying.DisposeAsync();

        var mail = new RecordingTransport();
        await using var restarted = Process(mail);
        _clock.Set(2026, 11, 30, 6, 0, 30);               // restarted at 07:00:30: the claim is fresh, nobody sends twice
        Assert.Equal(0, await Run(restarted));
        _clock.Advance(DigestScheduler.StaleClaim);        // the claim is old: the restarted process takes it over
        Assert.Equal(1, await Run(restarted));
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await Run(restarted));

        Assert.Single(mail.Sent);
        var send = await OnlySend(restarted);
        Assert.Equal(DigestSendState.Sent, send.State);
        Assert.Equal(2, send.Attempts);
    }

    [Fact]
    public async Task AFailedSendIsRetriedWithBackoffAndShowsItsErrorUntilItGoesThrough()
    {
        var mail = new RecordingTransport { FailuresLeft = 2 };
        await using var process = Process(mail);
        await Subscribe(process, DayOfWeek.Monday, 7, "Europe/Berlin");

        _clock.Set(2026, 11, 30, 6, 0);
        Assert.Equal(0, await Run(process));
        var failed = await OnlySend(process);
        Assert.Equal(DigestSendState.Pending, failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("451", failed.LastError);
        Assert.Equal(_clock.GetUtcNow() + DigestScheduler.Backoff[0], failed.NextAttemptAt);

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await Run(process));               // not before its next attempt
        Assert.Equal(1, (await OnlySend(process)).Attempts);
        _clock.Advance(DigestScheduler.Backoff[0]);
        Assert.Equal(0, await Run(process));               // the second attempt fails too
        Assert.Equal(2, (await OnlySend(process)).Attempts);
        _clock.Advance(DigestScheduler.Backoff[1]);
        Assert.Equal(1, await Run(process));

        var sent = await OnlySend(process);
        Assert.Equal(DigestSendState.Sent, sent.State);
        Assert.Equal(3, sent.Attempts);
        Assert.Single(mail.Sent);
    }

    [Fact]
    public async Task ASendThatKeepsFailingIsMarkedFailedAndAnAdminCanRetryIt()
    {
        var mail = new RecordingTransport { FailuresLeft = int.MaxValue };
        await using var process = Process(mail);
        await Subscribe(process, DayOfWeek.Monday, 7, "Europe/Berlin");
        _clock.Set(2026, 11, 30, 6, 0);
        for (var i = 0; i < DigestScheduler.MaxAttempts + 2; i++)
        {
            await Run(process);
            _clock.Advance(TimeSpan.FromHours(5));
        }
        var failed = await OnlySend(process);
        Assert.Equal(DigestSendState.Failed, failed.State);
        Assert.Equal(DigestScheduler.MaxAttempts, failed.Attempts);

        mail.FailuresLeft = 0;
        var admin = await process.GetRequiredService<UserService>().CreateAsync("boss", "a long password", Role.Admin, "setup");
        await process.GetRequiredService<DigestSubscriptions>().RetryAsync(admin, failed.Id);
        Assert.Equal(1, await Run(process));
        Assert.Equal(DigestSendState.Sent, (await OnlySend(process)).State);
    }

    [Fact]
    public async Task EachSubscriptionFollowsItsOwnTimeZoneAcrossDaylightSavingDays()
    {
        var mail = new RecordingTransport();
        await using var process = Process(mail);
        _clock.Set(2026, 10, 20, 0, 0);
        await Subscribe(process, DayOfWeek.Sunday, 2, "Europe/Berlin", "berlin");
        await Subscribe(process, DayOfWeek.Monday, 7, "America/New_York", "newyork");

        // Clocks go back in Berlin on 2026-10-25: 02:00 happens at 00:00 and again at 01:00 UTC; the digest goes once.
        _clock.Set(2026, 10, 24, 23, 59);
        Assert.Equal(0, await Run(process));
        _clock.Set(2026, 10, 25, 0, 0);
        Assert.Equal(1, await Run(process));
        _clock.Set(2026, 10, 25, 1, 0);
        Assert.Equal(0, await Run(process));
        // New York is still on summer time until 2026-11-01: Monday 07:00 EDT is 11:00 UTC; after it, 12:00 UTC.
        _clock.Set(2026, 10, 26, 10, 59);
        Assert.Equal(0, await Run(process));
        _clock.Set(2026, 10, 26, 11, 0);
        Assert.Equal(1, await Run(process));
        _clock.Set(2026, 11, 1, 1, 0);                    // Berlin a week later, now on winter time: 02:00 CET
        Assert.Equal(1, await Run(process));
        _clock.Set(2026, 11, 2, 11, 30);
        Assert.Equal(0, await Run(process));
        _clock.Set(2026, 11, 2, 12, 0);
        Assert.Equal(1, await Run(process));

        Assert.Equal(["berlin@example.test", "newyork@example.test", "berlin@example.test", "newyork@example.test"],
            mail.Sent.Select(m => m.To.Mailboxes.Single().Address));
    }

    [Fact]
    public async Task AnAddressGetsNoDigestBeforeItIsConfirmedNorAfterItUnsubscribed()
    {
        var mail = new RecordingTransport();
        await using var process = Process(mail);
        var subscription = await Subscribe(process, DayOfWeek.Monday, 7, "Europe/Berlin", confirm: false);

        _clock.Set(2026, 11, 30, 6, 0);
        Assert.Equal(0, await Run(process));
        await process.ConfirmAsync(subscription.UserId, subscription.Email);
        Assert.Equal(1, await Run(process));               // this week's moment, once confirmed
        await process.GetRequiredService<DigestSubscriptions>().UnsubscribeAsync(subscription.Id);
        var again = await Subscribe(process, DayOfWeek.Monday, 7, "Europe/Berlin", confirm: false);
        _clock.Set(2026, 12, 7, 6, 0);
        Assert.Equal(0, await Run(process));
        await process.ConfirmAsync(again.UserId, again.Email);
        Assert.Equal(1, await Run(process));

        Assert.Equal(2, mail.Sent.Count);
        Assert.Equal(2, mail.Confirmations);
    }

    /// <summary>
    /// Keeps the digests it is given; can fail like a busy server, or hang like a server that stopped answering.
    /// Confirmation links only pass through (counted): these tests are about digests.
    /// </summary>
    private sealed class RecordingTransport : IMailTransport
    {
        public List<MimeMessage> Sent { get; } = [];
        public int Confirmations { get; private set; }
        public int FailuresLeft { get; set; }
        public bool Hang { get; init; }
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
        {
            if (message.Subject == Dashboard.Core.Mail.ConfirmationMail.Subject)
            {
                Confirmations++;
                return;
            }
            Entered.TrySetResult();
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new MailKit.Net.Smtp.SmtpCommandException(MailKit.Net.Smtp.SmtpErrorCode.SenderNotAccepted,
                    MailKit.Net.Smtp.SmtpStatusCode.MailboxBusy, "451 4.3.0 try again later");
            }
            Sent.Add(message);
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(int year, int month, int day, int hour, int minute, int second = 0) =>
        _now = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);

    public void Advance(TimeSpan by) => _now += by;
}
