using Dashboard.Core.Models.Features;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Dashboard.Core.Models.Training;

/// <summary>The regularised linear model: L2 strengths tried by k-fold cross-validation (ML.NET's <c>CrossValidate</c>) on at most
/// <see cref="MaxCrossValidationRows"/> training rows; the best is refitted on all of them. L-BFGS logistic regression for
/// classifiers, SDCA for regressions.</summary>
public sealed record LinearSettings
{
    public IReadOnlyList<float> L2 { get; init; } = [0.01f, 0.1f, 1f];
    public int Folds { get; init; } = 3;
    public int MaxCrossValidationRows { get; init; } = 50_000;
}

/// <summary>LightGbm boosted trees on ML.NET, splitting a categorical input on sets of its levels (LightGbm's own categorical
/// split over the one-hot slots) rather than one slot at a time. Early stopping on a validation fold of
/// <see cref="ValidationFraction"/> of the training rows; a classifier's probabilities are Platt-calibrated on the same fold.
/// LightGbm's OpenMP threads are told to sleep when idle (<see cref="OpenMp.SleepWhenIdle"/>).</summary>
public sealed record TreeSettings
{
    public int Leaves { get; init; } = 31;
    public int Trees { get; init; } = 300;
    public double LearningRate { get; init; } = 0.1;
    public int MinExamplesPerLeaf { get; init; } = 20;
    public double ValidationFraction { get; init; } = 0.1;
    /// <summary>Training stops after this many trees without a better validation score.</summary>
    public int EarlyStoppingRounds { get; init; } = 20;
    /// <summary>LightGbm's threads; null uses every core. One by default: on the purchase protocol (440k rows, 2 cores) one
    /// thread trained as fast as two (5.0–5.6 s against 5.6–6.3 s, the same trees), it leaves the other cores to the app's
    /// requests, and it starts no OpenMP pool to spin (docs/BENCHMARKS.md).</summary>
    public int? Threads { get; init; } = 1;
}

/// <summary>
/// Fits the ML.NET pipelines of <see cref="ModelPipelines"/>: the linear one with a cross-validated regularisation grid, the
/// trees with early stopping; and prepares what the explanations need (feature means, trees' node values).
/// </summary>
internal static class TabularTrainer
{
    private const int ExplanationSampleRows = 20_000;

    public static TabularModel TrainLinear(TabularTask task, FeatureMatrix x, double[] y, LinearSettings settings, int seed,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var ml = new MLContext(seed: seed);
        var layout = new MlLayout(x.Schema);
        var label = task == TabularTask.BinaryClassification ? nameof(MlRow.Positive) : nameof(MlRow.Label);
        var best = settings.L2[0];
        if (settings.L2.Count > 1)
        {
            var cvRows = Sample(x.Rows, settings.MaxCrossValidationRows, seed);
            var cvData = ml.Data.Cache(layout.Load(ml, x, y, cvRows));
            var bestLoss = double.PositiveInfinity;
            for (var g = 0; g < settings.L2.Count; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var pipeline = ModelPipelines.Linear(ml, layout, task, settings.L2[g]);
                var loss = task == TabularTask.BinaryClassification
                    ? ml.BinaryClassification.CrossValidate(cvData, pipeline, settings.Folds, label, seed: seed).Average(f => f.Metrics.LogLoss)
                    : ml.Regression.CrossValidate(cvData, pipeline, settings.Folds, label, seed: seed).Average(f => f.Metrics.RootMeanSquaredError);
                if (loss < bestLoss)
                {
                    bestLoss = loss;
                    best = settings.L2[g];
                }
                progress?.Report((g + 1.0) / (settings.L2.Count + 1));
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        var data = ml.Data.Cache(layout.Load(ml, x, y));
        var model = ModelPipelines.Linear(ml, layout, task, best).Fit(data);
        var means = FeatureMeans(ml, model, data, layout);
        progress?.Report(1);
        var kind = task == TabularTask.BinaryClassification ? $"logistic (L-BFGS, L2 {best:g3})" : $"linear (SDCA, L2 {best:g3})";
        return new TabularModel(ml, model, layout, new TabularMeta(TabularModel.FormatVersion, task, kind, means, null));
    }

    public static TabularModel TrainTrees(TabularTask task, FeatureMatrix x, double[] y, TreeSettings settings, int seed,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var ml = new MLContext(seed: seed);
        var layout = new MlLayout(x.Schema);
        var order = Enumerable.Range(0, x.Rows).ToArray();
        new Random(seed).Shuffle(order);
        var validationCount = Math.Clamp((int)(x.Rows * settings.ValidationFraction), 1, Math.Max(1, x.Rows - 1));
        var validationRows = order[..validationCount];
        var fitRows = order[validationCount..];
        var fitRowsView = layout.Load(ml, x, y, fitRows);
        var featurizer = layout.Featurizer(ml, normalise: false).Fit(fitRowsView);
        var fitData = ml.Data.Cache(featurizer.Transform(fitRowsView));
        var validationData = ml.Data.Cache(featurizer.Transform(layout.Load(ml, x, y, validationRows)));
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(0.05);

        OpenMp.SleepWhenIdle();
        ITransformer model;
        TreeEnsemble<RegressionTree> ensemble;
        if (task == TabularTask.BinaryClassification)
        {
            var trees = ModelPipelines.BinaryTrees(ml, settings, seed).Fit(fitData, validationData);
            cancellationToken.ThrowIfCancellationRequested();
            // Platt scaling fitted on the validation fold (the trainer's own calibrator is fitted on the rows the trees were grown on)
            var calibrator = ml.BinaryClassification.Calibrators.Platt(nameof(MlRow.Positive)).Fit(trees.Transform(validationData));
            model = featurizer.Append<ITransformer>(trees).Append(calibrator);
            ensemble = trees.Model.SubModel.TrainedTreeEnsemble;
        }
        else
        {
            var trees = ModelPipelines.RegressionTrees(ml, settings, seed).Fit(fitData, validationData);
            model = featurizer.Append<ITransformer>(trees);
            ensemble = trees.Model.TrainedTreeEnsemble;
        }
        var kind = $"boosted trees (LightGbm, {ensemble.Trees.Count} trees)";
        progress?.Report(0.9);
        var sample = Vectors(ml, featurizer.Transform(layout.Load(ml, x, y, Sample(x.Rows, ExplanationSampleRows, seed))));
        var nodeValues = TreeAttribution.NodeValues(ensemble, sample);
        progress?.Report(1);
        return new TabularModel(ml, model, layout, new TabularMeta(TabularModel.FormatVersion, task, kind, null, nodeValues));
    }

    /// <summary>Means of the (normalised) feature vector over the training rows: the linear explanations' reference row.</summary>
    private static double[] FeatureMeans(MLContext ml, ITransformer model, IDataView data, MlLayout layout)
    {
        IDataView transformed = data;
        foreach (var t in TabularModel.Flatten(model))
        {
            if (t is ISingleFeaturePredictionTransformer<object>)
                break;
            transformed = t.Transform(transformed);
        }
        double[]? sums = null;
        long n = 0;
        foreach (var v in Vectors(ml, transformed))
        {
            sums ??= new double[v.Length];
            for (var j = 0; j < v.Length; j++)
                sums[j] += v[j];
            n++;
        }
        return sums is null ? new double[layout.SlotFeature.Length] : sums.Select(s => s / Math.Max(1, n)).ToArray();
    }

    private static List<float[]> Vectors(MLContext ml, IDataView data) =>
        data.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToList();

    private static int[] Sample(int rows, int max, int seed)
    {
        var all = Enumerable.Range(0, rows).ToArray();
        if (rows <= max)
            return all;
        new Random(seed + 7).Shuffle(all);
        var sample = all[..max];
        Array.Sort(sample);
        return sample;
    }
}

/// <summary>The ML.NET estimators of both tasks, in one place: the shared featurizer of <see cref="MlLayout"/> followed by the
/// trainer of the task and model kind.</summary>
internal static class ModelPipelines
{
    public static IEstimator<ITransformer> Linear(MLContext ml, MlLayout layout, TabularTask task, float l2)
    {
        var featurizer = layout.Featurizer(ml, normalise: true);
        return task == TabularTask.BinaryClassification
            ? featurizer.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(MlRow.Positive),
                FeatureColumnName = "Features",
                L2Regularization = l2,
                L1Regularization = 0,
            }))
            : featurizer.Append(ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                LabelColumnName = nameof(MlRow.Label),
                FeatureColumnName = "Features",
                L2Regularization = l2,
                L1Regularization = 0,
                // one thread: the same rows give the same model
                NumberOfThreads = 1,
            }));
    }

    public static LightGbmBinaryTrainer BinaryTrees(MLContext ml, TreeSettings s, int seed) =>
        ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = nameof(MlRow.Positive),
            FeatureColumnName = "Features",
            NumberOfLeaves = s.Leaves,
            NumberOfIterations = s.Trees,
            LearningRate = s.LearningRate,
            MinimumExampleCountPerLeaf = s.MinExamplesPerLeaf,
            UseCategoricalSplit = true,
            EarlyStoppingRound = s.EarlyStoppingRounds,
            NumberOfThreads = s.Threads,
            Seed = seed,
            Deterministic = true,
        });

    public static LightGbmRegressionTrainer RegressionTrees(MLContext ml, TreeSettings s, int seed) =>
        ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = nameof(MlRow.Label),
            FeatureColumnName = "Features",
            NumberOfLeaves = s.Leaves,
            NumberOfIterations = s.Trees,
            LearningRate = s.LearningRate,
            MinimumExampleCountPerLeaf = s.MinExamplesPerLeaf,
            UseCategoricalSplit = true,
            EarlyStoppingRound = s.EarlyStoppingRounds,
            NumberOfThreads = s.Threads,
            Seed = seed,
            Deterministic = true,
        });
}
