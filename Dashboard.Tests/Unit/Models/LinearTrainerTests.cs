using Dashboard.Core.Models.Learning;
using Dashboard.Core.Models.Learning.Linear;
using Dashboard.Core.Models.Learning.Metrics;

namespace Dashboard.Tests.Unit.Models;

public class LinearTrainerTests
{
    [Fact]
    public void RidgeRegressionRecoversKnownCoefficients()
    {
        var (x, y) = SyntheticData.Linear(5000, seed: 1);
        var model = new RidgeRegressionTrainer { Lambdas = [1e-6, 1e-3], Encodings = [NumericEncoding.Standardised] }.Fit(x, y);

        // slopes: change one input, hold the others
        var slope1 = model.Predict([1f, 2f, 0f]) - model.Predict([0f, 2f, 0f]);
        var slope2 = model.Predict([0f, 3f, 0f]) - model.Predict([0f, 2f, 0f]);
        var green = model.Predict([0f, 2f, 1f]) - model.Predict([0f, 2f, 0f]);
        var blue = model.Predict([0f, 2f, 2f]) - model.Predict([0f, 2f, 0f]);
        Assert.Equal(2, slope1, 2);
        Assert.Equal(-1.5, slope2, 2);
        Assert.Equal(1, green, 1);
        Assert.Equal(-2, blue, 1);
        Assert.Equal(3, model.Predict([0f, 0f, 0f]), 1);
    }

    [Fact]
    public void RidgeGridSearchPrefersLittleRegularisationOnCleanLinearData()
    {
        var (x, y) = SyntheticData.Linear(3000, seed: 2);
        var model = (LinearModel)new RidgeRegressionTrainer { Lambdas = [1e-5, 10] }.Fit(x, y);
        Assert.Equal(4, model.Tuning.Count);
        var best = model.Tuning.MinBy(g => g.Score)!;
        Assert.Equal(1e-5, best.Lambda);
        Assert.Equal(NumericEncoding.Standardised, best.Encoding);
    }

    [Fact]
    public void LogisticRegressionRecoversKnownLogOdds()
    {
        var (x, y) = SyntheticData.Logistic(20000, seed: 3);
        var model = new LogisticRegressionTrainer { Lambdas = [1e-5], Encodings = [NumericEncoding.Standardised], Folds = 2 }.Fit(x, y);
        var logit = (Func<float[], double>)(r => ModelMath.Logit(model.PredictProbability(r)));
        // within sampling error of 20,000 draws
        Assert.InRange(logit([1f, 0f, 0f]) - logit([0f, 0f, 0f]), 1.35, 1.65);
        Assert.InRange(logit([0f, 1f, 0f]) - logit([0f, 0f, 0f]), -0.65, -0.35);
        Assert.InRange(logit([0f, 0f, 2f]) - logit([0f, 0f, 0f]), 1.85, 2.15);
        Assert.InRange(logit([0f, 0f, 0f]), -1.15, -0.85);
    }

    [Fact]
    public void LogisticRegressionSeparatesKnownClassesBetterThanChance()
    {
        var (x, y) = SyntheticData.Logistic(6000, seed: 4);
        var (xt, yt) = SyntheticData.Logistic(3000, seed: 5);
        var model = new LogisticRegressionTrainer().Fit(x, y);
        var p = Enumerable.Range(0, xt.Rows).Select(i => model.PredictProbability(xt.Row(i))).ToArray();
        var metrics = ClassificationMetrics.Compute(yt, p);
        var baseline = ClassificationMetrics.BaseRateBaseline(y, yt);
        Assert.True(metrics.RocAuc > 0.8, $"AUC {metrics.RocAuc}");
        Assert.True(metrics.Brier < baseline.Brier);
    }

    [Fact]
    public void LinearContributionsSumToThePrediction()
    {
        var (x, y) = SyntheticData.Logistic(3000, seed: 6);
        var classifier = new LogisticRegressionTrainer { Folds = 2 }.Fit(x, y);
        var (xr, yr) = SyntheticData.Linear(3000, seed: 7);
        var regression = new RidgeRegressionTrainer { Encodings = [NumericEncoding.QuantileBins] }.Fit(xr, yr);
        for (var i = 0; i < 50; i++)
        {
            var e = classifier.Explain(x.Row(i));
            Assert.Equal(ExplanationScale.LogOdds, e.Scale);
            Assert.Equal(e.Value, e.BaseValue + e.Contributions.Sum(), 9);
            Assert.Equal(classifier.PredictProbability(x.Row(i)), ModelMath.Sigmoid(e.Value), 12);
            var r = regression.Explain(xr.Row(i));
            Assert.Equal(regression.Predict(xr.Row(i)), r.BaseValue + r.Contributions.Sum(), 9);
        }
    }

    [Fact]
    public void MissingValuesGetTheirOwnColumnInsteadOfFailing()
    {
        var (x, y) = SyntheticData.Linear(2000, seed: 8);
        for (var i = 0; i < x.Rows; i += 7)
            x.Values[i * 3] = float.NaN;
        var model = new RidgeRegressionTrainer().Fit(x, y);
        Assert.False(double.IsNaN(model.Predict([float.NaN, 1f, float.NaN])));
    }
}
