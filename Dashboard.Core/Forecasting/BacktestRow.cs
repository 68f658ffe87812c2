namespace Dashboard.Core.Forecasting;

/// <summary>
/// One line of the backtest table: a method at one horizon (steps ahead), with its mean absolute error, MASE, sMAPE
/// (in %) and how often the 80% and 95% bands, built from the errors known at each origin, held the value.
/// </summary>
public sealed record BacktestRow(ForecastMethod Method, int Horizon, int Forecasts, double Mae, double? Mase, double Smape,
    double? Coverage80, double? Coverage95);
