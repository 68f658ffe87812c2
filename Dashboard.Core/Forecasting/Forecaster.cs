using System.Globalization;

namespace Dashboard.Core.Forecasting;

/// <summary>
/// Chooses and makes the forecast of one series (docs/decisions/0034-forecast-method-and-intervals.md): of Holt-Winters,
/// the seasonal-naive forecast and the mean of the two, the one with the smallest error on the rolling-origin backtest of
/// the series' own history is shown; with too little history to check them, none is. The bands come from the shown method's
/// backtest errors at each horizon.
/// </summary>
internal static class Forecaster
{
    public static OrdersForecast Forecast(ForecastSeries s, int horizon, int backtestHorizon)
    {
        var unit = s.StepDays == 1 ? "days" : "weeks";
        var known = s.Missing.Count(x => !x);
        var needed = Backtest.MinTrainingOf(s.Season) + ForecastBands.MinErrors + 1;
        if (known < needed)
        {
            return NotShown(string.Create(CultureInfo.InvariantCulture,
                $"Too little history: {known} {unit} of data; a forecast needs at least {needed} to be checked against the past."));
        }
        var bt = Backtest.Run(s, backtestHorizon);
        var maeNaive = Mae(bt.Naive);
        var maeHw = Mae(bt.HoltWinters);
        var method = Choose(bt);
        if (ForecastBands.From(bt.Of(method), backtestHorizon) is not { } bands)
        {
            return NotShown(string.Create(CultureInfo.InvariantCulture,
                $"Too little history: {known} {unit} of data gave too few past forecasts to measure the forecast's error."));
        }
        var table = Table(bt);
        var points = Points(s, method, bands, horizon);
        var coverage = table.Where(r => r.Method == method && r.Coverage80 is not null).ToList();
        var coverage80 = coverage.Sum(r => r.Forecasts) is var c and > 0 ? coverage.Sum(r => r.Coverage80!.Value * r.Forecasts) / c : (double?)null;
        var mae = Mae(bt.Of(method));
        var reason = method switch
        {
            ForecastMethod.HoltWinters => string.Create(CultureInfo.InvariantCulture,
                $"Holt-Winters had the smallest error on this history's backtest (mean absolute error {maeHw:0.##} against the seasonal-naive forecast's {maeNaive:0.##})."),
            ForecastMethod.Combination => string.Create(CultureInfo.InvariantCulture,
                $"The mean of Holt-Winters and the seasonal-naive forecast had the smallest error on this history's backtest (mean absolute error {mae:0.##}; Holt-Winters {maeHw:0.##}, seasonal-naive {maeNaive:0.##})."),
            _ => string.Create(CultureInfo.InvariantCulture,
                $"Neither Holt-Winters nor its mean with the seasonal-naive forecast beat the seasonal-naive forecast on this history's backtest (mean absolute error {maeHw:0.##} against {maeNaive:0.##}), so the seasonal-naive forecast is shown."),
        };
        return new OrdersForecast(OrdersForecast.NameOf(method), true, reason, points,
            new ForecastBacktest(mae, maeNaive, bt.Scale > 0 ? mae / bt.Scale : null, coverage80)) { Table = table };
    }

    /// <summary>The method with the smallest mean absolute error on the backtest; a tie goes to the simpler method.</summary>
    private static ForecastMethod Choose(Backtest bt)
    {
        var best = ForecastMethod.SeasonalNaive;
        foreach (var method in new[] { ForecastMethod.Combination, ForecastMethod.HoltWinters })
        {
            if (Mae(bt.Of(method)) < Mae(bt.Of(best)))
            {
                best = method;
            }
        }
        return best;
    }

    private static OrdersForecast NotShown(string reason) => new("none", false, reason, [], null);

    private static List<ForecastPoint> Points(ForecastSeries s, ForecastMethod method, ForecastBands bands, int horizon)
    {
        var (y, missing, m, n) = (s.Values, s.Missing, s.Season, s.Length);
        Func<int, double> predict;
        var filled = SeasonalNaive.Filled(y, missing, n, m);
        Func<int, double> naive = h => SeasonalNaive.Forecast(filled, m, h);
        if (method == ForecastMethod.SeasonalNaive)
        {
            predict = naive;
        }
        else
        {
            HoltWinters.Run(y, missing, n, m, HoltWinters.Fit(y, missing, n, m), out var state);
            Func<int, double> hw = h => Math.Max(0, state.Predict(n + h - 1));
            predict = method == ForecastMethod.HoltWinters ? hw : h => (hw(h) + naive(h)) / 2;
        }
        var points = new List<ForecastPoint>(horizon);
        for (var h = 1; h <= horizon; h++)
        {
            var expected = Math.Max(0, predict(h));
            var (low95, low80, high80, high95) = bands.Around(expected, h);
            points.Add(new ForecastPoint(s.After(h), expected, Math.Max(0, low80), high80, Math.Max(0, low95), high95));
        }
        return points;
    }

    private static double Mae(IReadOnlyList<BacktestError> errors) =>
        errors.Count == 0 ? double.PositiveInfinity : errors.Average(e => Math.Abs(e.Error));

    /// <summary>Each method's errors by horizon, and how often its bands, built from the errors known at each origin, held the value.</summary>
    internal static List<BacktestRow> Table(Backtest bt)
    {
        var rows = new List<BacktestRow>();
        foreach (var method in Enum.GetValues<ForecastMethod>())
        {
            var errors = bt.Of(method);
            var hits = HonestHits(errors, bt.Horizon);
            foreach (var group in errors.GroupBy(e => e.Horizon).OrderBy(g => g.Key))
            {
                var mae = group.Average(e => Math.Abs(e.Error));
                var smape = group.Average(e => e.Actual == 0 && e.Forecast == 0 ? 0 : 200 * Math.Abs(e.Error) / (Math.Abs(e.Actual) + Math.Abs(e.Forecast)));
                var (n80, n95, count) = hits[group.Key];
                rows.Add(new BacktestRow(method, group.Key, group.Count(), mae, bt.Scale > 0 ? mae / bt.Scale : null, smape,
                    count == 0 ? null : (double)n80 / count, count == 0 ? null : (double)n95 / count));
            }
        }
        return rows;
    }

    /// <summary>Per horizon: forecasts inside the 80% and 95% bands built only from the errors known at their origin, and how many were checked.</summary>
    private static (int In80, int In95, int Count)[] HonestHits(IReadOnlyList<BacktestError> errors, int horizon)
    {
        var hits = new (int In80, int In95, int Count)[horizon + 1];
        foreach (var origin in errors.GroupBy(e => e.Origin))
        {
            if (ForecastBands.From(errors.Where(e => e.Step < origin.Key), horizon) is not { } bands)
            {
                continue;
            }
            foreach (var e in origin)
            {
                ref var h = ref hits[e.Horizon];
                var (low95, low80, high80, high95) = bands.Around(e.Forecast, e.Horizon);
                h.Count++;
                h.In80 += e.Actual >= low80 && e.Actual <= high80 ? 1 : 0;
                h.In95 += e.Actual >= low95 && e.Actual <= high95 ? 1 : 0;
            }
        }
        return hits;
    }
}
