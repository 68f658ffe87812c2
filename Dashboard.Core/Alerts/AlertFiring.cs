using Dashboard.Core.Digests;

namespace Dashboard.Core.Alerts;

/// <summary>
/// One rule firing for one period: the row is written before anything is sent, and the pair (rule, period) is unique in the
/// store, so that a rule fires at most once for a period across re-imports, restarts and instances. Its mail is sent and
/// retried as a digest's is (<see cref="DigestSendState"/>).
/// </summary>
public sealed class AlertFiring : RetriedSend
{
    public long Id { get; set; }
    public long RuleId { get; set; }
    /// <summary>The first day of the period (the day, or the week's first day; for "no new data", the day of the last import).</summary>
    public DateOnly Period { get; set; }
    public DateTimeOffset FiredAt { get; set; }

    protected override DateTimeOffset FirstDue => FiredAt;

    public decimal? Value { get; set; }
    /// <summary>What the value was compared with: the threshold, the previous period's value, or the expected value.</summary>
    public decimal? Compared { get; set; }
    public decimal? Low { get; set; }
    public decimal? High { get; set; }
}
