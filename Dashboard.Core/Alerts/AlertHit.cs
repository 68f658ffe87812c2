namespace Dashboard.Core.Alerts;

/// <summary>
/// A rule that fires for a period (<paramref name="Start"/>–<paramref name="End"/>): its value, what it was compared with
/// (the threshold, the previous period's value or the expected value) and, for the expected range, the range.
/// </summary>
public sealed record AlertHit(AlertRule Rule, DateOnly Start, DateOnly End, decimal? Value, decimal? Compared, decimal? Low = null, decimal? High = null);
