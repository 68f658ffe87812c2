using Dashboard.Core.Models.Evaluation;
using Dashboard.Core.Models.Store;

namespace Dashboard.Tests.Unit.Models;

public class ModelPromotionTests
{
    private static ClassificationMetrics LogLoss(double value) => new(100, 0.1, 0.6, 0.2, value, 0.08, []);

    private static RegressionMetrics Rmse(double value) => new(100, value, value * 0.8, 0.5);

    [Fact]
    public void TheFirstModelOfAKindIsActivated() =>
        Assert.True(ModelPromotion.Decide(LogLoss(0.3), null, null).Activate);

    [Fact]
    public void AModelWithLowerOrEqualLogLossIsActivated()
    {
        Assert.True(ModelPromotion.Decide(LogLoss(0.29), LogLoss(0.3), 1).Activate);
        Assert.True(ModelPromotion.Decide(LogLoss(0.3), LogLoss(0.3), 1).Activate);
    }

    [Fact]
    public void AWorseModelIsNotActivatedAndTheReasonNamesTheMetricAndTheActiveVersion()
    {
        var decision = ModelPromotion.Decide(Rmse(3100), Rmse(3000), 4);
        Assert.False(decision.Activate);
        Assert.Contains("RMSE 3,100.0", decision.Reason);
        Assert.Contains("version 4", decision.Reason);
    }

    [Fact]
    public void AModelWhoseMetricCouldNotBeComputedIsNotActivated() =>
        Assert.False(ModelPromotion.Decide(Rmse(double.NaN), null, null).Activate);
}
