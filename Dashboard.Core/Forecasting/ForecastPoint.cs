namespace Dashboard.Core.Forecasting;

/// <summary>One forecast period (its first day) with its expected value and its 80% and 95% bands.</summary>
public sealed record ForecastPoint(DateOnly Date, double Expected, double Low80, double High80, double Low95, double High95);
