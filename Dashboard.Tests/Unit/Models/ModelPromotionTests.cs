using Dashboard.Core.Models.Evaluation;
using Dashboard.Core.Models.Store;

namespace Dashboard.Tests.Unit.Models;

public class ModelPromotionTests
{
    private static ClassificationMetrics LogLoss(double value) => new(100, 0.1, 0.6, 0.2, value, 0.08, []);

    private static RegressionMetrics Rmse(double value) => new(100, value, value * 0.8, 0.5);

    private static readonly ClassificationMetrics BaseRate = LogLoss(0.35);

    private static readonly RegressionMetrics Mean = Rmse(5000);

    [Fact]
    public void TheFirstModelOfAKindIsActivated() =>
        Assert.True(ModelPromotion.Decide(LogLoss(0.3), BaseRate, null, null).Activate);

    [Fact]
    public void AModelWithLowerOrEqualLogLossIsActivated()
    {
        Assert.True(ModelPromotion.Decide(LogLoss(0.29), BaseRate, LogLoss(0.3), 1).Activate);
        Assert.True(ModelPromotion.Decide(LogLoss(0.3), BaseRate, LogLoss(0.3), 1).Activate);
    }

    [Fact]
    public void AWorseModelIsNotActivatedAndTheReasonNamesTheMetricAndTheActiveVersion()
    {
        var decision = ModelPromotion.Decide(Rmse(3100), Mean, Rmse(3000), 4);
        Assert.False(decision.Activate);
        Assert.Contains("RMSE 3,100.0", decision.Reason);
        Assert.Contains("version 4", decision.Reason);
    }

    [Fact]
    public void AModelWhoseMetricCouldNotBeComputedIsNotActivated() =>
        Assert.False(ModelPromotion.Decide(Rmse(double.NaN), Mean, null, null).Activate);

    [Fact]
    public void AModelNoBetterThanTheBaselineIsNeverActivatedAndTheReasonSaysSo()
    {
        var first = ModelPromotion.Decide(LogLoss(0.3499), BaseRate, null, null);
        Assert.False(first.Activate);
        Assert.Contains("base-rate baseline", first.Reason);
        // not even when the active model is worse still
        Assert.False(ModelPromotion.Decide(Rmse(5001), Mean, Rmse(6000), 2).Activate);
        Assert.Contains("mean baseline", ModelPromotion.Decide(Rmse(5001), Mean, Rmse(6000), 2).Reason);
    }
}
