using Dashboard.Core.Models.Learning;
using Dashboard.Core.Models.Learning.Metrics;
using Dashboard.Core.Models.Learning.Trees;

namespace Dashboard.Tests.Unit.Models;

public class GradientBoostedTreesTests
{
    private static readonly GradientBoostedTreesOptions Fast = new() { MaxIterations = 150, LearningRate = 0.2, MaxLeaves = 15 };

    /// <summary>y = 10·[x1 &gt; 0] + 5·sin(x2) + 8·[colour = blue] + noise: steps and curves a linear model cannot fit.</summary>
    private static (FeatureMatrix X, double[] Y) Nonlinear(int n, int seed)
    {
        var (x, _) = SyntheticData.Linear(n, seed);
        var random = new Random(seed + 100);
        var y = new double[n];
        for (var i = 0; i < n; i++)
            y[i] = 10 * (x[i, 0] > 0 ? 1 : 0) + 5 * Math.Sin(x[i, 1]) + 8 * (x[i, 2] == 2 ? 1 : 0) + 0.3 * SyntheticData.Gaussian(random);
        return (x, y);
    }

    [Fact]
    public void RegressionLearnsStepsAndCurvesToNearTheNoiseLevel()
    {
        var (x, y) = Nonlinear(6000, 1);
        var (xt, yt) = Nonlinear(2000, 2);
        var model = new GradientBoostedTreesTrainer(Fast).Train(x, y, classification: false);
        var predictions = Enumerable.Range(0, xt.Rows).Select(i => model.Predict(xt.Row(i))).ToArray();
        var metrics = RegressionMetrics.Compute(yt, predictions);
        Assert.True(metrics.Rmse < 0.8, $"RMSE {metrics.Rmse}");
        Assert.True(metrics.R2 > 0.98, $"R² {metrics.R2}");
    }

    [Fact]
    public void ClassifierSeparatesKnownClasses()
    {
        var (x, y) = SyntheticData.Logistic(6000, 3);
        for (var i = 0; i < y.Length; i++)
            y[i] = x[i, 0] > 0.3 != (x[i, 2] == 1) ? 1 : 0; // an interaction: xor of a threshold and a category
        var model = new GradientBoostedTreesTrainer(Fast).Train(x, y, classification: true);
        var p = Enumerable.Range(0, x.Rows).Select(i => model.PredictProbability(x.Row(i))).ToArray();
        Assert.True(ClassificationMetrics.ComputeRocAuc(y, p) > 0.99);
    }

    [Fact]
    public void SameSeedGivesIdenticalModelsWithSubsamplingAndParallelism()
    {
        var (x, y) = Nonlinear(9000, 4); // large enough for the chunked parallel histograms and partitions
        var options = Fast with { RowSubsample = 0.7, ColumnSubsample = 0.67, Seed = 7, MaxIterations = 25 };
        var a = new GradientBoostedTreesTrainer(options).Train(x, y, false);
        var b = new GradientBoostedTreesTrainer(options).Train(x, y, false);
        var c = new GradientBoostedTreesTrainer(options with { Seed = 8 }).Train(x, y, false);
        Assert.Equal(a.Trees.Count, b.Trees.Count);
        for (var i = 0; i < 500; i++)
            Assert.Equal(a.Predict(x.Row(i)), b.Predict(x.Row(i)));
        Assert.Contains(Enumerable.Range(0, 500), i => a.Predict(x.Row(i)) != c.Predict(x.Row(i)));
    }

    [Fact]
    public void ContributionsSumToTheRawScore()
    {
        var (x, y) = SyntheticData.Logistic(4000, 5);
        var model = new GradientBoostedTreesTrainer(Fast).Train(x, y, classification: true);
        for (var i = 0; i < 100; i++)
        {
            var e = model.Explain(x.Row(i));
            Assert.Equal(e.Value, e.BaseValue + e.Contributions.Sum(), 9);
            Assert.Equal(model.PredictProbability(x.Row(i)), ModelMath.Sigmoid(e.Value), 12);
        }
    }

    [Fact]
    public void EarlyStoppingKeepsOnlyTheBestRounds()
    {
        var (x, y) = Nonlinear(3000, 6);
        var model = new GradientBoostedTreesTrainer(Fast with { MaxIterations = 2000, LearningRate = 0.5, EarlyStoppingRounds = 5 }).Train(x, y, false);
        Assert.True(model.Trees.Count < 2000);
    }

    [Fact]
    public void GainImportanceRanksTheInformativeFeatureFirst()
    {
        var (x, _) = SyntheticData.Linear(4000, 7);
        var y = Enumerable.Range(0, x.Rows).Select(i => 5.0 * x[i, 1]).ToArray();
        var model = new GradientBoostedTreesTrainer(Fast).Train(x, y, false);
        Assert.Equal("x2", model.Importance[0].Feature);
        Assert.Equal(1, model.Importance.Sum(i => i.Importance), 9);
    }

    [Fact]
    public void MissingValuesAreRoutedByTheirOwnBin()
    {
        var (x, _) = SyntheticData.Linear(4000, 8);
        var y = new double[x.Rows];
        for (var i = 0; i < x.Rows; i++)
        {
            if (i % 4 == 0)
                x.Values[i * 3] = float.NaN;
            y[i] = float.IsNaN(x[i, 0]) ? 20 : x[i, 0];
        }
        var model = new GradientBoostedTreesTrainer(Fast with { MaxIterations = 60 }).Train(x, y, false);
        Assert.Equal(20, model.Predict([float.NaN, 1f, 0f]), 0);
        Assert.Equal(1, model.Predict([1f, 1f, 0f]), 0);
    }

    [Fact]
    public void BinnerUsesAtMost255ValueBinsAndAMissingBin()
    {
        var values = Enumerable.Range(0, 10000).Select(i => (float)i).ToArray();
        var x = new FeatureMatrix(new FeatureSchema([new FeatureInfo("v", FeatureKind.Numeric)]), values, values.Length);
        var binner = FeatureBinner.Fit(x, 255, 1);
        Assert.Equal(255, binner.ValueBins[0]);
        Assert.Equal(255, binner.Bin(0, float.NaN));
        Assert.Equal(0, binner.Bin(0, -5));
        Assert.Equal(254, binner.Bin(0, 1e9f));
    }
}
