using Dashboard.Core.Alerts;
using Dashboard.Core.Digests;

namespace Dashboard.Tests.Unit.Digests;

/// <summary>
/// Which sends a pass may claim: asked of the list a pass reads and again of each row just before its claim, so that a send
/// another pass (or instance) has sent in between is not mailed twice (seen in CI: two instances, one alert, two mails).
/// </summary>
public sealed class RetriedSendTests
{
    private static readonly DateTimeOffset Now = new(2022, 4, 25, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void APendingSendIsDueOnceItsFirstAttemptOrItsRetryHasCome()
    {
        Assert.True(new DigestSend { State = DigestSendState.Pending, DueAt = Now }.IsDue(Now));
        Assert.False(new DigestSend { State = DigestSendState.Pending, DueAt = Now.AddMinutes(1) }.IsDue(Now));
        Assert.False(new AlertFiring { State = DigestSendState.Pending, FiredAt = Now.AddHours(-1), NextAttemptAt = Now.AddMinutes(5) }.IsDue(Now));
        Assert.True(new AlertFiring { State = DigestSendState.Pending, FiredAt = Now.AddHours(-1), NextAttemptAt = Now }.IsDue(Now));
    }

    [Fact]
    public void AClaimIsTakenOverOnlyOnceStaleAndASentOrFailedSendNever()
    {
        Assert.False(new AlertFiring { State = DigestSendState.Sending, FiredAt = Now, ClaimedAt = Now.AddSeconds(-1) }.IsDue(Now));
        Assert.True(new AlertFiring { State = DigestSendState.Sending, FiredAt = Now, ClaimedAt = Now - DigestScheduler.StaleClaim }.IsDue(Now));
        Assert.False(new AlertFiring { State = DigestSendState.Sent, FiredAt = Now.AddHours(-1), Attempts = 1 }.IsDue(Now));
        Assert.False(new DigestSend { State = DigestSendState.Sent, DueAt = Now.AddDays(-1), Attempts = 1 }.IsDue(Now));
        Assert.False(new DigestSend { State = DigestSendState.Failed, DueAt = Now.AddDays(-1), Attempts = 5 }.IsDue(Now));
    }
}
