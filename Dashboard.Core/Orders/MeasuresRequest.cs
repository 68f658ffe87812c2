namespace Dashboard.Core.Orders;

/// <summary>
/// One set of measures asked of <see cref="IOrdersData.MeasureAsync"/>: the lines dated in <paramref name="Range"/> that pass
/// the filter, in <paramref name="Keys"/> groups by <paramref name="By"/>; for <see cref="LineGrouping.Day"/>,
/// <paramref name="KeyOfDay"/>[d] is the group of the range's day d (0 its first day).
/// </summary>
internal sealed record MeasuresRequest(DateRange Range, LineGrouping By = LineGrouping.None, int Keys = 1, int[]? KeyOfDay = null);
