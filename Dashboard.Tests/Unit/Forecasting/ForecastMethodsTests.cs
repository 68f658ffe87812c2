using Dashboard.Core.Forecasting;

namespace Dashboard.Tests.Unit.Forecasting;

/// <summary>The forecast's methods against values worked out by hand on tiny series.</summary>
public sealed class ForecastMethodsTests
{
    [Fact]
    public void HoltWintersFollowsItsErrorCorrectionEquationsStepByStep()
    {
        // Season 2; first period 10, 20: level 15, season −5, +5. α = γ = 0.5.
        // t=2: ŷ = 15 − 5 = 10, e = 2, L = 16, S0 = −4.   t=3: ŷ = 16 + 5 = 21, e = 1, L = 16.5, S1 = 5.5.
        double[] y = [10, 20, 12, 22];
        var sse = HoltWinters.Run(y, new bool[4], 4, 2, new HoltWinters.Parameters(0.5, 0.5), out var state);
        Assert.Equal(4 + 1, sse, 12);
        Assert.Equal(16.5, state.Level, 12);
        Assert.Equal(16.5 - 4, state.Predict(4), 12);
        Assert.Equal(16.5 + 5.5, state.Predict(5), 12);
    }

    [Fact]
    public void HoltWintersLearnsNothingFromAMissingValue()
    {
        // t=2 missing: e = 0, nothing moves.   t=3: ŷ = 15 + 5 = 20, e = 2, L = 16, S1 = 6.
        double[] y = [10, 20, 99, 22];
        var sse = HoltWinters.Run(y, [false, false, true, false], 4, 2, new HoltWinters.Parameters(0.5, 0.5), out var state);
        Assert.Equal(4, sse, 12);
        Assert.Equal(16 - 5, state.Predict(4), 12);
        Assert.Equal(16 + 6, state.Predict(5), 12);
    }

    [Fact]
    public void AMissingStepOfTheFirstPeriodIsStoodInForByTheNextPeriods()
    {
        // Step 0 missing: the next period's 12 stands in. Level (12 + 20) / 2 = 16, season −4, +4.
        var state = HoltWinters.Initial([99, 20, 12, 22], [true, false, false, false], 2);
        Assert.Equal(16, state.Level, 12);
        Assert.Equal([-4.0, 4.0], state.Season);
    }

    [Fact]
    public void TheFitPicksTheParametersWithTheLeastOneStepError()
    {
        // A season repeated exactly, then a step up of 10 held: the level must follow at once (α = 0.95, the grid's most).
        double[] y = [10, 20, 10, 20, 10, 20, 20, 30, 20, 30, 20, 30];
        var p = HoltWinters.Fit(y, new bool[y.Length], y.Length, 2);
        Assert.Equal(0.95, p.Alpha);
    }

    [Fact]
    public void SeasonalNaiveRepeatsTheLastSeasonAndFillsAMissingValueWithItsOwnPrediction()
    {
        var filled = SeasonalNaive.Filled([1, 2, 3, 99, 5], [false, false, false, true, false], 5, 2);
        Assert.Equal([1.0, 2, 3, 2, 5], filled);
        Assert.Equal(2, SeasonalNaive.Forecast(filled, 2, 1));
        Assert.Equal(5, SeasonalNaive.Forecast(filled, 2, 2));
        Assert.Equal(2, SeasonalNaive.Forecast(filled, 2, 3));
    }

    [Fact]
    public void QuantilesInterpolateOnTheKPlusOneGrid()
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        Assert.Equal(5, ForecastBands.Quantile(sorted, 0.5), 12);   // position 0.5 × 10 = 5th
        Assert.Equal(2.5, ForecastBands.Quantile(sorted, 0.25), 12); // 2.5th
        Assert.Equal(1, ForecastBands.Quantile(sorted, 0.05), 12);   // below the first: held at it
        Assert.Equal(9, ForecastBands.Quantile(sorted, 0.975), 12);
    }

    [Fact]
    public void BandsWidenWithTheHorizonAndPastTheBacktestAsTheSquareRoot()
    {
        // Errors ±1 at horizon 1, ±3 at horizons 2 and 3 (ten origins each).
        var errors = Enumerable.Range(0, 10).SelectMany(o => new[]
        {
            new BacktestError(o, 1, o % 2 == 0 ? 1 : -1, 0), new BacktestError(o, 2, o % 2 == 0 ? 3 : -3, 0), new BacktestError(o, 3, o % 2 == 0 ? 3 : -3, 0),
        }).ToList();
        var bands = ForecastBands.From(errors, 3)!;
        var widths = Enumerable.Range(1, 6).Select(h => bands.Around(100, h)).Select(b => b.High80 - b.Low80).ToList();
        Assert.True(widths.Zip(widths.Skip(1)).All(w => w.Second >= w.First), string.Join(", ", widths));
        Assert.Equal(6, widths[2], 12);                         // h = 3: errors at 2..3 (±3)
        Assert.Equal(6 * Math.Sqrt(6.0 / 3), widths[5], 12);    // h = 6: √(6/3) wider
        Assert.Null(ForecastBands.From(errors.Take(3), 3));     // three errors: too few for a band
    }
}
