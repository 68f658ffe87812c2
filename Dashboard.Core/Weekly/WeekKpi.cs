using Dashboard.Core.Orders;

namespace Dashboard.Core.Weekly;

/// <summary>A KPI of the week against the week before and the same week four weeks earlier.</summary>
public sealed record WeekKpi(string Name, decimal? Value, decimal? PreviousWeek, decimal? FourWeeksEarlier)
{
    public KpiValue VsPreviousWeek => new(Value, PreviousWeek);
    public KpiValue VsFourWeeksEarlier => new(Value, FourWeeksEarlier);
}
