using System.Text.Json.Serialization;

namespace Dashboard.Core.Forecasting;

/// <summary>
/// The forecast of one metric for one filter. <see cref="Shown"/> is false, with the <see cref="Reason"/>, when no method
/// can be trusted (too little history); otherwise <see cref="Method"/> names the method shown: combination (the mean of
/// Holt-Winters and the naive forecast) where it beats the naive forecast on the request's own backtest and the series is
/// not sparse, seasonal-naive otherwise (decision 0034). "holt-winters" names Holt-Winters' rows in the backtest table.
/// </summary>
public sealed record OrdersForecast(string Method, bool Shown, string Reason, IReadOnlyList<ForecastPoint> Forecast, ForecastBacktest? Backtest)
{
    /// <summary>Each method's backtest by horizon (the models page's table; not part of the API's answer).</summary>
    [JsonIgnore]
    public IReadOnlyList<BacktestRow> Table { get; init; } = [];

    public static string NameOf(ForecastMethod method) => method switch
    {
        ForecastMethod.HoltWinters => "holt-winters",
        ForecastMethod.Combination => "combination",
        _ => "seasonal-naive",
    };
}
