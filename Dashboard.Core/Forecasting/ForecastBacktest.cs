namespace Dashboard.Core.Forecasting;

/// <summary>
/// The shown method's backtest on the request's history: its mean absolute error, the seasonal-naive forecast's on the
/// same forecasts, MASE (the MAE over the history's mean absolute seasonal change; null when the history never changes) and the share of the backtest's values
/// inside the 80% band built from the errors known at each forecast's origin.
/// </summary>
public sealed record ForecastBacktest(double Mae, double NaiveMae, double? Mase, double? Coverage80);
