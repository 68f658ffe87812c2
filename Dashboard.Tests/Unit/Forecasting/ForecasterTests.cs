using Dashboard.Core.Forecasting;

namespace Dashboard.Tests.Unit.Forecasting;

/// <summary>Which forecast is shown, and how: the method chosen by the series' own backtest, and the bands.</summary>
public sealed class ForecasterTests
{
    private static readonly double[] Week = [100, 120, 130, 125, 140, 90, 80];

    private static ForecastSeries Series(IEnumerable<double> values, bool[]? missing = null)
    {
        var y = values.ToArray();
        var start = new DateOnly(2022, 4, 4);
        return new ForecastSeries(y.Select((_, i) => start.AddDays(i)).ToArray(), y, missing ?? new bool[y.Length], 7, 1);
    }

    /// <summary>The weekly pattern with independent noise (a fixed seed): Holt-Winters averages the noise, the naive forecast repeats it.</summary>
    private static IEnumerable<double> Noisy(int days, int seed = 7)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, days).Select(d => Week[d % 7] + 20 * (random.NextDouble() - 0.5) * 2);
    }

    [Fact]
    public void TheMeanOfBothIsShownWhereItBeatsTheNaiveForecastOnTheBacktestAndHoltWintersNeverAlone()
    {
        var f = Forecaster.Forecast(Series(Noisy(84)), 14, 14);
        Assert.True(f.Shown);
        Assert.Equal("combination", f.Method);
        var mae = f.Table.GroupBy(r => r.Method).ToDictionary(g => g.Key, g => g.Sum(r => r.Mae * r.Forecasts) / g.Sum(r => r.Forecasts));
        Assert.True(mae[ForecastMethod.HoltWinters] < mae[ForecastMethod.Combination], "Holt-Winters alone had the smallest backtest error here");
        Assert.True(f.Backtest!.Mae < f.Backtest.NaiveMae);
        Assert.Equal(14, f.Forecast.Count);
        Assert.Equal(new DateOnly(2022, 4, 4).AddDays(84), f.Forecast[0].Date);
        Assert.All(f.Forecast, p => Assert.True(p.Low95 <= p.Low80 && p.Low80 <= p.Expected && p.Expected <= p.High80 && p.High80 <= p.High95));
        // The expected values keep the weekly shape: Saturday's below Friday's.
        Assert.True(f.Forecast[5].Expected < f.Forecast[4].Expected);
    }

    [Fact]
    public void TheNaiveForecastIsShownWhereTheMeanOfBothDoesNotBeatIt()
    {
        // A seasonal random walk: each weekday moves on from its own value a week earlier, which is then the best guess.
        var random = new Random(3);
        var values = new double[84];
        for (var d = 0; d < 84; d++)
        {
            values[d] = (d < 7 ? Week[d] : values[d - 7]) + 60 * (random.NextDouble() - 0.5);
        }
        var f = Forecaster.Forecast(Series(values), 14, 14);
        Assert.True(f.Shown);
        Assert.Equal("seasonal-naive", f.Method);
        Assert.Contains("so the seasonal-naive forecast is shown", f.Reason);
        Assert.True(f.Backtest!.Mae <= f.Backtest.NaiveMae);
        Assert.Equal(values[77], f.Forecast[0].Expected, 6);
        Assert.Equal(values[77], f.Forecast[7].Expected, 6);
    }

    [Fact]
    public void TheMeanOfBothIsShownWhereItBeatsTheNaiveForecastAndIsTheMeanOfTheirForecasts()
    {
        // A weekly pattern that drifts (a seasonal random walk) under day-to-day noise: each method is right about half of it.
        var shown = 0;
        for (var seed = 1; seed <= 30; seed++)
        {
            var random = new Random(seed);
            var level = new double[84];
            var values = new double[84];
            for (var d = 0; d < 84; d++)
            {
                level[d] = (d < 7 ? Week[d] : level[d - 7]) + 30 * (random.NextDouble() - 0.5);
                values[d] = level[d] + 40 * (random.NextDouble() - 0.5);
            }
            var f = Forecaster.Forecast(Series(values), 14, 14);
            if (f.Method != "combination")
            {
                continue;
            }
            shown++;
            var mae = f.Table.GroupBy(r => r.Method).ToDictionary(g => g.Key, g => g.Sum(r => r.Mae * r.Forecasts) / g.Sum(r => r.Forecasts));
            Assert.True(mae[ForecastMethod.Combination] < mae[ForecastMethod.SeasonalNaive]);
            Assert.Equal(mae[ForecastMethod.Combination], f.Backtest!.Mae, 6);
            HoltWinters.Run(values, new bool[84], 84, 7, HoltWinters.Fit(values, new bool[84], 84, 7), out var state);
            for (var h = 1; h <= 14; h++)
            {
                var mean = (Math.Max(0, state.Predict(83 + h)) + values[77 + (h - 1) % 7]) / 2;
                Assert.Equal(mean, f.Forecast[h - 1].Expected, 6);
            }
        }
        Assert.True(shown > 0, "no series chose the mean of both");
    }

    [Fact]
    public void ASparseSeriesWhoseChallengersWinTheBacktestButLoseOnTheNextDaysShowsTheNaiveForecast()
    {
        // On 1 day in 4 a few orders (1 to 4), none on the others: 84 days of history, then the 14 days forecast.
        var random = new Random(1);
        var values = Enumerable.Range(0, 98).Select(_ => random.NextDouble() < 0.25 ? 1 + random.Next(4) : 0.0).ToArray();
        var history = values[..84];
        var bt = Backtest.Run(Series(history), 14);
        double Mae(IEnumerable<BacktestError> e) => e.Average(x => Math.Abs(x.Error));
        Assert.True(Mae(bt.HoltWinters) < Mae(bt.Naive) && Mae(bt.Combination) < Mae(bt.Naive), "the challengers win the backtest");
        HoltWinters.Run(history, new bool[84], 84, 7, HoltWinters.Fit(history, new bool[84], 84, 7), out var state);
        double naive = 0, hw = 0, mean = 0;
        for (var h = 1; h <= 14; h++)
        {
            var (n, w, actual) = (history[77 + (h - 1) % 7], Math.Max(0, state.Predict(83 + h)), values[83 + h]);
            (naive, hw, mean) = (naive + Math.Abs(actual - n), hw + Math.Abs(actual - w), mean + Math.Abs(actual - (n + w) / 2));
        }
        Assert.True(naive < mean && mean < hw, $"on the next 14 days: naive {naive}, mean {mean}, Holt-Winters {hw}");

        var f = Forecaster.Forecast(Series(history), 14, 14);
        Assert.Equal("seasonal-naive", f.Method);
        Assert.StartsWith("At least half the days of this history are zero", f.Reason);
        Assert.Equal(Enumerable.Range(1, 14).Select(h => history[77 + (h - 1) % 7]), f.Forecast.Select(p => p.Expected));
    }

    [Fact]
    public void TooLittleHistoryShowsNoForecastAndSaysWhy()
    {
        var f = Forecaster.Forecast(Series(Noisy(15)), 14, 14);
        Assert.False(f.Shown);
        Assert.Empty(f.Forecast);
        Assert.StartsWith("Too little history: 15 days", f.Reason);
    }

    [Fact]
    public void TheBacktestTableHasEachMethodByHorizon()
    {
        var f = Forecaster.Forecast(Series(Noisy(84)), 14, 14);
        Assert.Equal(Enumerable.Range(1, 14), f.Table.Where(r => r.Method == ForecastMethod.SeasonalNaive).Select(r => r.Horizon));
        Assert.Equal(Enumerable.Range(1, 14), f.Table.Where(r => r.Method == ForecastMethod.HoltWinters).Select(r => r.Horizon));
        Assert.Equal(Enumerable.Range(1, 14), f.Table.Where(r => r.Method == ForecastMethod.Combination).Select(r => r.Horizon));
        Assert.All(f.Table, r => Assert.True(r.Mae > 0 && r.Mase > 0 && r.Smape > 0));
        var coverage = f.Table.Where(r => r.Method == ForecastMethod.HoltWinters && r.Coverage80 is not null).ToList();
        Assert.NotEmpty(coverage);
        Assert.InRange(f.Backtest!.Coverage80!.Value, 0.6, 0.97);
    }

    [Fact]
    public void AnOddDayIsFlaggedAndAMissingOneNeverIs()
    {
        var values = Noisy(70).ToArray();
        values[50] *= 3;
        values[57] /= 3;
        values[63] *= 3;
        var missing = new bool[70];
        missing[63] = true;
        var flagged = AnomalyDetector.Detect(Series(values, missing)).Select(a => a.Date).ToList();
        var start = new DateOnly(2022, 4, 4);
        Assert.Contains(start.AddDays(50), flagged);
        Assert.Contains(start.AddDays(57), flagged);
        Assert.DoesNotContain(start.AddDays(63), flagged);
        Assert.True(flagged.Count <= 5, string.Join(", ", flagged));
    }
}
