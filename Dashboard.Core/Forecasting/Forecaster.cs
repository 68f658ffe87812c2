using System.Globalization;

namespace Dashboard.Core.Forecasting;

/// <summary>
/// Chooses and makes the forecast of one series (docs/decisions/0034-forecast-method-and-intervals.md): the mean of
/// Holt-Winters and the seasonal-naive forecast where it beats the seasonal-naive forecast on the rolling-origin backtest of
/// the series' own history, the seasonal-naive forecast otherwise and wherever at least half the known periods are zero;
/// with too little history to check them, none. Holt-Winters alone is never shown: its wins on the backtest did not hold
/// out of sample. The bands come from the shown method's backtest errors at each horizon.
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
        var sparse = ZeroShare(s) >= SparseShare;
        var method = sparse ? ForecastMethod.SeasonalNaive : Choose(bt);
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
        var reason = method == ForecastMethod.Combination
            ? string.Create(CultureInfo.InvariantCulture,
                $"The mean of Holt-Winters and the seasonal-naive forecast beat the seasonal-naive forecast on this history's backtest (mean absolute error {mae:0.##} against {maeNaive:0.##}).")
            : sparse
                ? string.Create(CultureInfo.InvariantCulture,
                    $"At least half the {unit} of this history are zero; on such sparse series the backtest's choice did not hold on later data, so the seasonal-naive forecast is shown.")
                : string.Create(CultureInfo.InvariantCulture,
                    $"The mean of Holt-Winters and the seasonal-naive forecast did not beat the seasonal-naive forecast on this history's backtest (mean absolute error {Mae(bt.Combination):0.##} against {maeNaive:0.##}), so the seasonal-naive forecast is shown.");
        return new OrdersForecast(OrdersForecast.NameOf(method), true, reason, points,
            new ForecastBacktest(mae, maeNaive, bt.Scale > 0 ? mae / bt.Scale : null, coverage80)) { Table = table };
    }

    /// <summary>At or above this share of zero periods a series is sparse and the seasonal-naive forecast is shown (decision 0034).</summary>
    internal const double SparseShare = 0.5;

    /// <summary>The mean of both where its backtest error is below the seasonal-naive forecast's; a tie goes to the simpler.</summary>
    private static ForecastMethod Choose(Backtest bt) =>
        Mae(bt.Combination) < Mae(bt.Naive) ? ForecastMethod.Combination : ForecastMethod.SeasonalNaive;

    /// <summary>The share of the known periods whose value is zero.</summary>
    private static double ZeroShare(ForecastSeries s)
    {
        var (zeros, known) = (0, 0);
        for (var t = 0; t < s.Length; t++)
        {
            if (!s.Missing[t])
            {
                known++;
                zeros += s.Values[t] == 0 ? 1 : 0;
            }
        }
        return known == 0 ? 0 : (double)zeros / known;
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
            predict = h => (Math.Max(0, state.Predict(n + h - 1)) + naive(h)) / 2;
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
