namespace Dashboard.Core.Alerts;

/// <summary>
/// A rule as a person or the API gives it, in words: <c>metric</c> orders, units, revenue, aov, cancellation-rate; <c>grain</c>
/// day or week; <c>filter</c> the overview's keys (e.g. <c>category=Set&amp;state=KERALA</c>); <c>condition</c> above, below,
/// change, outside-range or no-new-data. <see cref="AlertRules"/> reads and checks it.
/// </summary>
public sealed record AlertInput(string? Name, string? Metric, string? Grain, string? Filter, string? Condition, decimal? Value, string? Email);
