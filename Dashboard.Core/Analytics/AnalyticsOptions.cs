namespace Dashboard.Core.Analytics;

/// <summary>Settings of the analytics screens, bound from the <c>Analytics</c> section of appsettings.json.</summary>
public sealed class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>The first day of a week for weekly buckets and the weekly review. Default: Monday (ISO 8601).</summary>
    public DayOfWeek WeekStartsOn { get; set; } = DayOfWeek.Monday;
}
