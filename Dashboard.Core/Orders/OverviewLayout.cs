
namespace Dashboard.Core.Orders;

/// <summary>Where the overview's groups come from, by day (index: day number − <see cref="FirstDay"/>, over the shown range).</summary>
internal sealed record OverviewLayout(int FirstDay, int LastDay, int PreviousFirstDay, int PreviousLastDay,
    int[] BucketOfDay, int BucketCount, int[] WeekdayOfDay, int[] MonthOfDay, int MonthCount);
