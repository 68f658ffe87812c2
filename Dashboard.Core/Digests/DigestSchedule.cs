namespace Dashboard.Core.Digests;

/// <summary>One scheduled moment of a subscription: the subscriber's local day, and the instant it falls on.</summary>
public readonly record struct DigestOccurrence(DateOnly LocalDate, DateTimeOffset At);

/// <summary>
/// When a subscription's digest falls due: its day and hour in its own time zone. On the day clocks go forward an hour
/// that does not exist is taken as the first moment after the gap; on the day they go back, an hour that happens twice
/// counts once, the first time.
/// </summary>
public static class DigestSchedule
{
    /// <summary>The last moment at or before <paramref name="now"/> when a digest for (<paramref name="day"/>, <paramref name="hour"/>) fell due.</summary>
    public static DigestOccurrence Latest(DayOfWeek day, int hour, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        date = date.AddDays(-(((int)date.DayOfWeek - (int)day + 7) % 7));
        var at = At(date, hour, zone);
        if (at > now)
        {
            date = date.AddDays(-7);
            at = At(date, hour, zone);
        }
        return new DigestOccurrence(date, at);
    }

    /// <summary>The instant of <paramref name="hour"/>:00 on <paramref name="date"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset At(DateOnly date, int hour, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1); // in the gap of a clock going forward: the first minute after it
        }
        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max() // the larger offset is the earlier of the two instants
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The week a digest due on <paramref name="localDate"/> reviews: the last complete week before that day's week.</summary>
    public static DateOnly ReviewedWeek(DateOnly localDate, DayOfWeek weekStartsOn) =>
        localDate.AddDays(-(((int)localDate.DayOfWeek - (int)weekStartsOn + 7) % 7) - 7);

    /// <summary>A time zone by id, or null when this machine does not know it.</summary>
    public static TimeZoneInfo? FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }
}
