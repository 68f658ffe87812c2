namespace Dashboard.Core.Analytics;

/// <param name="Rows">Rows stored.</param>
/// <param name="IsSample">True when the rows are the built-in sample data.</param>
/// <param name="Distinct">Distinct orders for order lines; null for purchases.</param>
/// <param name="From">First order date (orders only).</param>
/// <param name="To">Last order date (orders only).</param>
public sealed record DatasetPart(int Rows, bool IsSample, int? Distinct = null, DateOnly? From = null, DateOnly? To = null);
