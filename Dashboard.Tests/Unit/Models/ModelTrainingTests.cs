using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Training;

namespace Dashboard.Tests.Unit.Models;

/// <summary>Trains the synthetic cancellation models once for the tests that only read them.</summary>
public sealed class TrainedCancellationModels
{
    public CancellationTrainingResult Result { get; } = ModelTrainingTests.TrainCancellation();
}

public class ModelTrainingTests(TrainedCancellationModels trained) : IClassFixture<TrainedCancellationModels>
{
    internal static readonly TreeSettings FastTrees = new() { Trees = 60, LearningRate = 0.2, Leaves = 15, MinExamplesPerLeaf = 10 };
    internal static readonly LinearSettings FastLinear = new() { L2 = [0.01f, 1f], Folds = 2 };

    internal static CancellationTrainingResult TrainCancellation(IProgress<TrainingProgress>? progress = null, CancellationToken token = default) =>
        ModelTraining.TrainCancellationModels(ModelSources.Of(SyntheticData.Orders(6000, 11)), new CancellationTrainingOptions
        {
            TestFrom = new DateOnly(2022, 6, 1),
            Linear = FastLinear,
            Trees = FastTrees,
        }, progress, token);

    [Fact]
    public void CancellationModelsBeatTheBaseRateOnHeldOutMonth()
    {
        var result = trained.Result;
        Assert.Equal(new DateOnly(2022, 7, 1), result.TestTo);
        Assert.True(result.TestRows > 0 && result.TrainRows > result.TestRows);
        foreach (var report in new[] { result.Linear, result.Trees })
        {
            Assert.True(report.Metrics.RocAuc > 0.6, $"{report.Model.Kind} AUC {report.Metrics.RocAuc}");
            Assert.True(report.Metrics.Brier <= result.Baseline.Brier, $"{report.Model.Kind} Brier {report.Metrics.Brier} vs {result.Baseline.Brier}");
            Assert.NotEmpty(report.Metrics.Calibration);
            Assert.Equal(report.Importance, report.Model.Importance);
            // the synthetic risk depends on fulfilment, amount and city (service level and state are their twins); weekday and size not at all
            Assert.Contains(report.Importance[0].Feature, (string[])["fulfilment", "service_level", "amount", "city", "state"]);
            Assert.True(report.Importance[0].Importance > 0.02, $"{report.Model.Kind}: {report.Importance[0]}");
            Assert.All(report.Importance.Where(i => i.Feature is "weekday" or "size"), i => Assert.True(i.Importance < report.Importance[0].Importance / 10,
                $"{report.Model.Kind}: {i} against {report.Importance[0]}"));
        }
        Assert.Empty(result.LeakageWarnings);
    }

    [Fact]
    public void AnExistingModelIsEvaluatedOnTheSameHeldOutRowsAsANewOne()
    {
        var lines = ModelSources.Of(SyntheticData.Orders(6000, 11));
        var options = new CancellationTrainingOptions { TestFrom = new DateOnly(2022, 6, 1) };
        var result = trained.Result;
        var again = ModelTraining.EvaluateCancellation(result.Trees.Model, lines, options);
        Assert.Equal(result.Trees.Metrics.RocAuc, again.RocAuc, 12);
        Assert.Equal(result.Trees.Metrics.Brier, again.Brier, 12);
    }

    [Fact]
    public void TrainingReportsProgressUpToCompletion()
    {
        var reports = new List<TrainingProgress>();
        TrainCancellation(new SynchronousProgress<TrainingProgress>(reports.Add));
        Assert.Equal(1, reports[^1].Fraction);
        Assert.Contains(reports, r => r.Stage == "boosted trees");
        Assert.True(reports.Select(r => r.Fraction).Zip(reports.Skip(1).Select(r => r.Fraction)).All(p => p.Second >= p.First));
    }

    [Fact]
    public void TrainingStopsWhenCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => TrainCancellation(token: cancellation.Token));
    }

    [Fact]
    public void ACancellationModelSavedAndReloadedPredictsIdentically()
    {
        var result = trained.Result;
        var inputs = SyntheticData.Orders(300, 12).Select(CancellationInput.From).ToArray();
        foreach (var model in new[] { result.Linear.Model, result.Trees.Model })
        {
            var reloaded = CancellationModel.Deserialize(model.Serialize());
            Assert.Equal(model.Kind, reloaded.Kind);
            foreach (var input in inputs)
            {
                Assert.Equal(model.PredictProbability(input), reloaded.PredictProbability(input));
                Assert.Equal(model.Predict(input), reloaded.Predict(input), new PredictionComparer());
            }
        }
    }

    [Fact]
    public void APurchaseModelSavedAndReloadedPredictsIdenticallyAndItsWhatIfIsItsBatch()
    {
        var result = ModelTraining.TrainPurchaseModels(ModelSources.Of(SyntheticData.Purchases(3000, 13, withIds: true)),
            new PurchaseTrainingOptions { Trees = FastTrees, Linear = FastLinear });
        var source = ModelSources.Of(SyntheticData.Purchases(300, 14, withIds: true));
        var rows = Enumerable.Range(0, source.Count).ToArray();
        var inputs = rows.Select(source.Input).ToArray();
        foreach (var model in new[] { result.Linear.Model, result.Trees.Model })
        {
            var reloaded = PurchaseModel.Deserialize(model.Serialize());
            // the batch reads the columns, a What-if request its one row: the same float
            var batch = model.PredictAmounts(source, rows);
            Assert.Equal(batch, model.PredictAmounts(inputs));
            for (var i = 0; i < inputs.Length; i++)
            {
                Assert.Equal(model.PredictAmount(inputs[i]), reloaded.PredictAmount(inputs[i]));
                Assert.Equal(batch[i], model.PredictAmount(inputs[i]));
                // the What-if amount is the explained link value (double), the batch's a float: equal to float precision
                Assert.Equal(batch[i], model.Predict(inputs[i]).Amount, Math.Max(1e-3, Math.Abs(batch[i]) * 1e-6));
            }
            Assert.Equal(model.ResidualLow, reloaded.ResidualLow);
        }
    }

    [Fact]
    public void PurchaseModelsBeatTheMeanAndCarryAnInterval()
    {
        var result = ModelTraining.TrainPurchaseModels(ModelSources.Of(SyntheticData.Purchases(5000, 15, withIds: false)),
            new PurchaseTrainingOptions { Trees = FastTrees, Linear = FastLinear });
        Assert.False(result.UsedIds);
        foreach (var report in new[] { result.Linear, result.Trees })
        {
            Assert.True(report.Metrics.R2 > 0.9, $"{report.Model.Kind} R² {report.Metrics.R2}");
            Assert.True(report.Metrics.Rmse < result.Baseline.Rmse);
            Assert.InRange(report.IntervalHitRate, 0.75, 0.85);
            // the amount is driven by product category 1 (1,500 a step), then gender (500); occupation and marital status are noise
            Assert.Equal("product_category_1", report.Importance[0].Feature);
            Assert.Equal("gender", report.Importance[1].Feature);
            Assert.All(report.Importance.Where(i => i.Feature is "occupation" or "married"), i => Assert.True(i.Importance < report.Importance[1].Importance / 10,
                $"{report.Model.Kind}: {i} against {report.Importance[1]}"));
            var prediction = report.Model.Predict(new PurchaseInput { Gender = "M", AgeBand = "26-35", CityCategory = "B", ProductCategory1 = 5 });
            Assert.True(prediction.Low < prediction.Amount && prediction.Amount < prediction.High);
        }
    }

    [Fact]
    public void ContributionsByInputSumToThePrediction()
    {
        var result = trained.Result;
        var input = CancellationInput.From(SyntheticData.Orders(1, 16)[0]);
        foreach (var model in new[] { result.Linear.Model, result.Trees.Model })
        {
            var prediction = model.Predict(input);
            Assert.True(Math.Abs(ModelMath.Logit(prediction.Probability) - (prediction.BaseLogOdds + prediction.Contributions.Sum(c => c.Contribution))) <= 1e-4);
            Assert.Contains(prediction.Contributions, c => c.Input == "city");
            Assert.DoesNotContain(prediction.Contributions, c => c.Input.StartsWith("city_", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EveryModelKindsContributionsAddUpToItsPredictionInLinkSpace()
    {
        var cancellation = trained.Result;
        // the trees split categorical inputs on sets of levels: the attribution must follow those splits too
        Assert.True(CategoricalSplits(cancellation.Trees.Model.Tabular) > 0);
        foreach (var line in SyntheticData.Orders(200, 21))
        {
            var input = CancellationInput.From(line);
            foreach (var model in new[] { cancellation.Linear.Model, cancellation.Trees.Model })
            {
                var e = model.Explain(input);
                Assert.True(Math.Abs(e.BaseValue + e.Contributions.Sum() - e.Value) <= 1e-4, $"{model.Kind}: {e.BaseValue} + {e.Contributions.Sum()} vs {e.Value}");
                Assert.Equal(model.PredictProbability(input), ModelMath.Sigmoid(e.Value), 5);
            }
        }
        var purchase = ModelTraining.TrainPurchaseModels(ModelSources.Of(SyntheticData.Purchases(3000, 22, withIds: true)),
            new PurchaseTrainingOptions { Trees = FastTrees, Linear = FastLinear });
        Assert.True(CategoricalSplits(purchase.Trees.Model.Tabular) > 0);
        foreach (var row in SyntheticData.Purchases(200, 23, withIds: true))
        {
            var input = PurchaseInput.From(row);
            foreach (var model in new[] { purchase.Linear.Model, purchase.Trees.Model })
            {
                var e = model.Explain(input);
                // ML.NET's score is a float: at amounts near 10,000 its own rounding is about 1e-3, so the tolerance is relative
                Assert.True(Math.Abs(e.BaseValue + e.Contributions.Sum() - e.Value) <= 1e-4 * Math.Max(1, Math.Abs(e.Value)),
                    $"{model.Kind}: {e.BaseValue} + {e.Contributions.Sum()} vs {e.Value}");
                Assert.Equal(model.PredictAmount(input), e.Value, 6);
            }
        }
    }

    private static int CategoricalSplits(TabularModel model) =>
        Assert.IsAssignableFrom<Microsoft.ML.Trainers.FastTree.TreeEnsembleModelParametersBasedOnRegressionTree>(model.Predictor)
            .TrainedTreeEnsemble.Trees.Sum(t => t.CategoricalSplitFlags.Count(f => f));

    [Fact]
    public void ScoringFromEightThreadsGivesTheSameAnswersAsOneThread()
    {
        var model = trained.Result.Trees.Model;
        var linear = trained.Result.Linear.Model;
        var inputs = SyntheticData.Orders(400, 24).Select(CancellationInput.From).ToArray();
        var expected = inputs.Select(i => (model.Predict(i), linear.PredictProbability(i))).ToArray();
        var wrong = 0;

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            var random = new Random(thread);
            for (var round = 0; round < 5; round++)
            {
                foreach (var k in Enumerable.Range(0, inputs.Length).OrderBy(_ => random.Next()))
                {
                    var prediction = model.Predict(inputs[k]);
                    if (!new PredictionComparer().Equals(prediction, expected[k].Item1) || linear.PredictProbability(inputs[k]) != expected[k].Item2)
                        Interlocked.Increment(ref wrong);
                }
            }
        });

        Assert.Equal(0, wrong);
    }

    /// <summary>A single request is a one-row view through the same <c>Transform</c> as a batch: each level, a missing one (blank)
    /// and one never seen reach the same one-hot slots, so both models give the very same float (decision 0024).</summary>
    [Fact]
    public void BatchAndSingleRequestsAgreeOnMissingAndUnseenLevelsForBothModels()
    {
        var lines = SyntheticData.Orders(60, 26);
        var blanks = SyntheticData.Orders(60, 26);
        blanks.ForEach(l => (l.Size, l.Category, l.Fulfilment, l.AmountMinor) = ("", " ", "", null));
        var unseen = SyntheticData.Orders(60, 26);
        unseen.ForEach(l => (l.Category, l.State) = ("never seen", "NOWHERE"));
        var source = ModelSources.Of([.. lines, .. blanks, .. unseen]);
        var rows = Enumerable.Range(0, source.Count).ToArray();
        var inputs = rows.Select(source.Input).ToArray();
        foreach (var model in new[] { trained.Result.Linear.Model, trained.Result.Trees.Model })
        {
            var batch = model.PredictProbabilities(source, rows);
            for (var i = 0; i < inputs.Length; i++)
                Assert.Equal(batch[i], model.PredictProbability(inputs[i]));
        }
    }

    /// <summary>The What-if answer (probability from the explained link value) is the batch's probability of the same row.</summary>
    [Fact]
    public void AWhatIfPredictionIsTheBatchPredictionOfTheSameRow()
    {
        var source = ModelSources.Of(SyntheticData.Orders(300, 25));
        var rows = Enumerable.Range(0, source.Count).ToArray();
        var inputs = rows.Select(source.Input).ToArray();
        foreach (var model in new[] { trained.Result.Linear.Model, trained.Result.Trees.Model })
        {
            var batch = model.PredictProbabilities(source, rows);
            for (var i = 0; i < inputs.Length; i++)
            {
                Assert.Equal(batch[i], model.PredictProbability(inputs[i]));
                Assert.Equal(batch[i], model.Predict(inputs[i]).Probability, 1e-6);
            }
        }
    }

    [Fact]
    public void ALeakyPromotionInputIsReportedWhenSwitchedOn()
    {
        var result = ModelTraining.TrainCancellationModels(ModelSources.Of(SyntheticData.Orders(4000, 17)), new CancellationTrainingOptions
        {
            Features = new CancellationFeatureOptions { IncludePromotionIds = true },
            Linear = FastLinear,
            Trees = FastTrees,
        });
        Assert.Contains(result.LeakageWarnings, w => w.Input == "promotion_ids");
    }

    [Fact]
    public void WhatIfNamesTheChangesThatLowerTheRiskMost()
    {
        var result = trained.Result;
        var input = new CancellationInput
        {
            City = "MUMBAI", State = "MAHARASHTRA", Amount = 1200, Category = "Set", Size = "M", Fulfilment = "Merchant",
            SalesChannel = "Amazon.in", ServiceLevel = "Standard", Weekday = DayOfWeek.Monday,
        };
        var changes = WhatIf.BiggestChanges(result.Trees.Model, input);
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.True(c.Change < 0));
        Assert.True(changes.Zip(changes.Skip(1)).All(p => p.First.Change <= p.Second.Change));
        Assert.Contains(changes, c => c.Input is "fulfilment" or "service_level" or "amount");
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private sealed class PredictionComparer : IEqualityComparer<CancellationPrediction>
    {
        public bool Equals(CancellationPrediction? a, CancellationPrediction? b) =>
            a!.Probability == b!.Probability && a.BaseLogOdds == b.BaseLogOdds && a.Contributions.SequenceEqual(b.Contributions);

        public int GetHashCode(CancellationPrediction p) => p.Probability.GetHashCode();
    }
}
