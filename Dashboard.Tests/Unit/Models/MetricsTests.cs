using Dashboard.Core.Models.Evaluation;

namespace Dashboard.Tests.Unit.Models;

/// <summary>The metrics come from ML.NET's evaluators (Brier and the calibration table are ours): these pin what they mean.</summary>
public class MetricsTests
{
    [Fact]
    public void RegressionMetricsMatchHandComputedValues()
    {
        // errors 0, 0, 0, −1: MSE 1/4, MAE 1/4; SST about the mean 2.5 is 2.25+0.25+0.25+2.25 = 5, so R² = 1 − 1/5.
        var m = RegressionMetrics.Compute([1, 2, 3, 4], [1, 2, 3, 5]);
        Assert.Equal(0.5, m.Rmse, 12);
        Assert.Equal(0.25, m.Mae, 12);
        Assert.Equal(0.8, m.R2, 12);
    }

    [Fact]
    public void MeanBaselineHasZeroR2WhenTheTrainingMeanEqualsTheTestMean()
    {
        var m = RegressionMetrics.MeanBaseline([2, 4], [1, 5]);
        Assert.Equal(2, m.Rmse, 12);
        Assert.Equal(0, m.R2, 12);
    }

    [Fact]
    public void RocAucCountsCorrectlyOrderedPairs()
    {
        // positives 0.35, 0.8; negatives 0.1, 0.4: pairs ordered right are (0.35>0.1), (0.8>0.1), (0.8>0.4) = 3 of 4.
        Assert.Equal(0.75, ClassificationMetrics.ComputeRocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 12);
    }

    [Fact]
    public void RocAucCountsATiedPairAsOneHalf()
    {
        // positives 0.5, 0.9; negatives 0.5, 0.2: 0.5 = 0.5 counts ½, the other three pairs are right: 3.5 / 4.
        Assert.Equal(0.875, ClassificationMetrics.ComputeRocAuc([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9]), 12);
    }

    [Fact]
    public void PrAucIsHighForAPerfectRankingAndLowForAReversedOne()
    {
        Assert.True(ClassificationMetrics.Compute([1, 0, 1, 0], [0.9, 0.1, 0.8, 0.2]).PrAuc > 0.9);
        Assert.True(ClassificationMetrics.Compute([1, 0, 1, 0], [0.1, 0.9, 0.2, 0.8]).PrAuc < 0.6);
    }

    [Fact]
    public void LogLossAndBrierMatchHandComputedValues()
    {
        var m = ClassificationMetrics.Compute([1, 0], [0.8, 0.4]);
        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.6)) / 2, m.LogLoss, 5); // ML.NET reports bits; converted to nats
        Assert.Equal((0.04 + 0.16) / 2, m.Brier, 12);
        Assert.Equal(0.5, m.PositiveRate, 12);
    }

    [Fact]
    public void CalibrationTableBinsPredictionsByDecile()
    {
        var p = Enumerable.Range(0, 20).Select(i => i / 20.0).ToArray();
        var y = Enumerable.Range(0, 20).Select(i => i >= 18 ? 1.0 : 0.0).ToArray();
        var table = ClassificationMetrics.CalibrationTable(y, p);
        Assert.Equal(10, table.Count);
        Assert.All(table, b => Assert.Equal(2, b.Count));
        Assert.Equal((0.0 + 0.05) / 2, table[0].MeanPredicted, 12);
        Assert.Equal(0, table[0].ObservedRate);
        Assert.Equal(1, table[9].ObservedRate);
    }

    [Fact]
    public void BaseRateBaselineHasAucOneHalfAndBrierOfTheRateVariance()
    {
        var m = ClassificationMetrics.BaseRateBaseline([1, 0, 0, 0], [1, 0, 0, 0]);
        Assert.Equal(0.5, m.RocAuc, 12);
        Assert.Equal(0.25 * 0.75, m.Brier, 12);
    }
}
