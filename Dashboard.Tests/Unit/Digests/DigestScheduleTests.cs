using Dashboard.Core.Digests;

namespace Dashboard.Tests.Unit.Digests;

/// <summary>When a digest falls due: the subscriber's day and hour in their own time zone, daylight-saving days included.</summary>
public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public void MondaySevenInBerlinIsSixUtcInWinterAndFiveInSummer()
    {
        Assert.Equal(Utc(2026, 11, 30, 6), DigestSchedule.At(new DateOnly(2026, 11, 30), 7, Berlin));
        Assert.Equal(Utc(2026, 6, 29, 5), DigestSchedule.At(new DateOnly(2026, 6, 29), 7, Berlin));
        Assert.Equal(Utc(2026, 11, 30, 12), DigestSchedule.At(new DateOnly(2026, 11, 30), 7, NewYork));
    }

    [Fact]
    public void TheLatestMomentIsThisWeeksOnceItHasComeAndLastWeeksBefore()
    {
        var before = DigestSchedule.Latest(DayOfWeek.Monday, 7, Berlin, Utc(2026, 11, 30, 5, 59));
        var at = DigestSchedule.Latest(DayOfWeek.Monday, 7, Berlin, Utc(2026, 11, 30, 6));
        var later = DigestSchedule.Latest(DayOfWeek.Monday, 7, Berlin, Utc(2026, 12, 3, 18));

        Assert.Equal(new DateOnly(2026, 11, 23), before.LocalDate);
        Assert.Equal(new DateOnly(2026, 11, 30), at.LocalDate);
        Assert.Equal(Utc(2026, 11, 30, 6), at.At);
        Assert.Equal(at, later);
    }

    [Fact]
    public void AnHourThatDoesNotExistWhenClocksGoForwardIsTheFirstMomentAfterTheGap()
    {
        // 2027-03-28, Berlin: 02:00 CET becomes 03:00 CEST (01:00 UTC).
        Assert.Equal(Utc(2027, 3, 28, 1), DigestSchedule.At(new DateOnly(2027, 3, 28), 2, Berlin));
    }

    [Fact]
    public void AnHourThatHappensTwiceWhenClocksGoBackCountsTheFirstTime()
    {
        // 2026-10-25, Berlin: 02:00-03:00 happens at 00:00 UTC (CEST) and again at 01:00 UTC (CET).
        Assert.Equal(Utc(2026, 10, 25, 0), DigestSchedule.At(new DateOnly(2026, 10, 25), 2, Berlin));
        Assert.Equal(new DateOnly(2026, 10, 25), DigestSchedule.Latest(DayOfWeek.Sunday, 2, Berlin, Utc(2026, 10, 25, 1, 30)).LocalDate);
    }

    [Fact]
    public void ADigestReviewsTheLastCompleteWeekBeforeItsDay()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), DigestSchedule.ReviewedWeek(new DateOnly(2026, 11, 30), DayOfWeek.Monday));
        Assert.Equal(new DateOnly(2026, 11, 23), DigestSchedule.ReviewedWeek(new DateOnly(2026, 12, 2), DayOfWeek.Monday));
        Assert.Equal(new DateOnly(2026, 11, 16), DigestSchedule.ReviewedWeek(new DateOnly(2026, 11, 29), DayOfWeek.Monday));
        Assert.Equal(new DateOnly(2026, 11, 22), DigestSchedule.ReviewedWeek(new DateOnly(2026, 11, 30), DayOfWeek.Sunday));
    }
}
