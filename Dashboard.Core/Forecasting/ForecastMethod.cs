namespace Dashboard.Core.Forecasting;

/// <summary>The forecast methods a request's backtest chooses between.</summary>
public enum ForecastMethod
{
    /// <summary>The same weekday last week (at week grain, last week): the yardstick.</summary>
    SeasonalNaive,

    /// <summary>Additive Holt-Winters with a weekly season and no trend (<see cref="HoltWinters"/>).</summary>
    HoltWinters,
}
