namespace Dashboard.Core.Forecasting;

/// <summary>The forecast methods a request's backtest chooses between.</summary>
public enum ForecastMethod
{
    /// <summary>The same weekday last week (at week grain, last week): the yardstick.</summary>
    SeasonalNaive,

    /// <summary>
    /// Additive Holt-Winters with a weekly season and no trend (<see cref="HoltWinters"/>): never shown alone (its wins on
    /// the backtest did not hold on later data; decision 0034), but half of the mean, and listed in the backtest table.
    /// </summary>
    HoltWinters,

    /// <summary>
    /// The mean of the Holt-Winters and seasonal-naive forecasts, shown where it beats the seasonal-naive forecast on the
    /// backtest: its absolute error is never above the mean of the two methods' errors, so where Holt-Winters loses out of
    /// sample it loses by half as much (decision 0034).
    /// </summary>
    Combination,
}
