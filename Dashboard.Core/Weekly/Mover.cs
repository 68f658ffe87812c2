
namespace Dashboard.Core.Weekly;

/// <summary>A category or state: its revenue and orders this week and the week before; sorted by the size of the change.</summary>
public sealed record Mover(string Name, decimal Revenue, decimal PreviousRevenue, int Orders, int PreviousOrders)
{
    public decimal RevenueChange => Revenue - PreviousRevenue;
    public double? RevenueChangeRatio => PreviousRevenue == 0 ? null : (double)((Revenue - PreviousRevenue) / PreviousRevenue);
}
