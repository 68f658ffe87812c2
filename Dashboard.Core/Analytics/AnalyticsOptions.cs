using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Settings;

namespace Dashboard.Core.Analytics;

/// <summary>Settings of the analytics screens, bound from the <c>Analytics</c> section of appsettings.json.</summary>
public sealed class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>The first day of a week for weekly buckets and the weekly review. Default: Monday (ISO 8601).</summary>
    public DayOfWeek WeekStartsOn { get; set; } = DayOfWeek.Monday;

    /// <summary>
    /// The most order lines the screens hold in memory (<see cref="Orders.OrdersFrame"/>, about 40 bytes a line). Past it
    /// they read the store's daily rollup instead (<see cref="Orders.Rollup.OrdersRollup"/>; decision 0013), and line-level
    /// downloads read the lines from the store. Default 5,000,000.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = SettingRules.NotNegative)]
    public int FrameMaxLines { get; set; } = 5_000_000;
}
