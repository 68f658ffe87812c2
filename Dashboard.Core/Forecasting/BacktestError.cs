namespace Dashboard.Core.Forecasting;

/// <summary>One forecast of the backtest: made at <paramref name="Origin"/> (the first step not known), <paramref name="Horizon"/> steps ahead.</summary>
internal readonly record struct BacktestError(int Origin, int Horizon, double Actual, double Forecast)
{
    public double Error => Actual - Forecast;

    /// <summary>The step forecast.</summary>
    public int Step => Origin + Horizon - 1;
}
