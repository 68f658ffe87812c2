namespace Dashboard.Core.Forecasting;

/// <summary>
/// The rolling-origin backtest on a request's own history: from each origin o of the last <see cref="Window"/> steps
/// (with at least <see cref="MinTraining"/> steps before it), each method is fitted on the steps before o only and forecasts
/// the next <see cref="Horizon"/> steps that the history holds. Holt-Winters' parameters are refitted every
/// <see cref="RefitEvery"/> origins (fitted on less data, never on more). Missing steps are not scored.
/// </summary>
internal sealed class Backtest
{
    public const int Window = 63;
    public const int RefitEvery = 7;

    public int Horizon { get; }
    public int MinTraining { get; }
    public IReadOnlyList<BacktestError> Naive { get; }
    public IReadOnlyList<BacktestError> HoltWinters { get; }
    public IReadOnlyList<BacktestError> Combination { get; }

    /// <summary>The mean absolute one-step change of the history against one season earlier: MASE's scale.</summary>
    public double Scale { get; }

    private Backtest(int horizon, int minTraining, List<BacktestError> naive, List<BacktestError> hw, List<BacktestError> combination, double scale) =>
        (Horizon, MinTraining, Naive, HoltWinters, Combination, Scale) = (horizon, minTraining, naive, hw, combination, scale);

    public IReadOnlyList<BacktestError> Of(ForecastMethod method) => method switch
    {
        ForecastMethod.HoltWinters => HoltWinters,
        ForecastMethod.Combination => Combination,
        _ => Naive,
    };

    public static int MinTrainingOf(int season) => season > 1 ? 2 * season : 6;

    public static Backtest Run(ForecastSeries series, int horizon)
    {
        var (y, missing, m, n) = (series.Values, series.Missing, series.Season, series.Length);
        var minTraining = MinTrainingOf(m);
        var naive = new List<BacktestError>();
        var hw = new List<BacktestError>();
        var combination = new List<BacktestError>();
        var parameters = new HoltWinters.Parameters(0.2, 0.1);
        var first = Math.Max(minTraining, n - Window);
        for (var o = first; o < n; o++)
        {
            if ((o - first) % RefitEvery == 0)
            {
                parameters = Forecasting.HoltWinters.Fit(y, missing, o, m);
            }
            Forecasting.HoltWinters.Run(y, missing, o, m, parameters, out var state);
            var filled = SeasonalNaive.Filled(y, missing, o, m);
            for (var h = 1; h <= horizon && o + h - 1 < n; h++)
            {
                var t = o + h - 1;
                if (missing[t])
                {
                    continue;
                }
                var (naiveForecast, hwForecast) = (SeasonalNaive.Forecast(filled, m, h), Math.Max(0, state.Predict(t)));
                naive.Add(new BacktestError(o, h, y[t], naiveForecast));
                hw.Add(new BacktestError(o, h, y[t], hwForecast));
                combination.Add(new BacktestError(o, h, y[t], (naiveForecast + hwForecast) / 2));
            }
        }
        return new Backtest(horizon, minTraining, naive, hw, combination, ScaleOf(y, missing, m));
    }

    private static double ScaleOf(double[] y, bool[] missing, int m)
    {
        double sum = 0;
        var count = 0;
        for (var t = m; t < y.Length; t++)
        {
            if (!missing[t] && !missing[t - m])
            {
                sum += Math.Abs(y[t] - y[t - m]);
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
