namespace Dashboard.Core.Alerts;

/// <summary>A rule's metric per period: period i runs from <see cref="Starts"/>[i] for <see cref="StepDays"/> days; a null value was not measured (no data, or no order to average).</summary>
public sealed record AlertSeries(IReadOnlyList<DateOnly> Starts, IReadOnlyList<decimal?> Values, int StepDays)
{
    public static readonly AlertSeries Empty = new([], [], 1);

    public DateOnly EndOf(int i) => Starts[i].AddDays(StepDays - 1);
}
