using Dashboard.Core.Orders;

namespace Dashboard.Core.Alerts;

/// <summary>The measures of one filter per whole period: period i starts on <paramref name="Starts"/>[i] and lasts <paramref name="Step"/> days.</summary>
internal sealed record PeriodMeasures(IReadOnlyList<DateOnly> Starts, IReadOnlyList<OrderMeasures> Measures, int Step);
