
namespace Dashboard.Core.Orders;

/// <summary>The groups of the whole overview, filled by one fused pass (<see cref="OrdersScan.Overview"/>).</summary>
internal sealed class OverviewGroups(int buckets, int categories, int months)
{
    public GroupMeasures Current { get; } = new(1);
    public GroupMeasures Previous { get; } = new(1);
    public GroupMeasures Buckets { get; } = new(buckets);
    public GroupMeasures Weekdays { get; } = new(7);
    public GroupMeasures Categories { get; } = new(categories);
    public GroupMeasures Months { get; } = new(months);

    public void Merge(OverviewGroups other)
    {
        Current.Merge(other.Current);
        Previous.Merge(other.Previous);
        Buckets.Merge(other.Buckets);
        Weekdays.Merge(other.Weekdays);
        Categories.Merge(other.Categories);
        Months.Merge(other.Months);
    }
}
