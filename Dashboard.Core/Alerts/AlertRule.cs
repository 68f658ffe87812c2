using Dashboard.Core.Orders;

namespace Dashboard.Core.Alerts;

/// <summary>
/// A user's alert: a metric of the orders under one of the overview's filters (<see cref="Filter"/>, its query string without
/// dates), judged per day or per week against a condition, mailed to <see cref="Email"/> (a confirmed address of the owner).
/// </summary>
public sealed class AlertRule
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Name { get; set; }
    public AlertMetric Metric { get; set; }
    public TimeGrain Grain { get; set; }
    /// <summary>The overview's filter keys as a query string (e.g. <c>category=Set</c>), without dates.</summary>
    public string Filter { get; set; } = "";
    public AlertCondition Condition { get; set; }
    /// <summary>The threshold (above/below), the percentage (change) or the days (no new data); null for the expected range.</summary>
    public decimal? Value { get; set; }
    /// <summary>Bare and in lower case.</summary>
    public required string Email { get; set; }
    /// <summary>Until then the rule is not checked.</summary>
    public DateTimeOffset? SnoozedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
