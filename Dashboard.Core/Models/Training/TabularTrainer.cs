using Dashboard.Core.Models.Features;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Dashboard.Core.Models.Training;

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
        var label = task == TabularTask.BinaryClassification ? MlLayout.PositiveColumn : MlLayout.LabelColumn;
        var best = settings.L2[0];
        if (settings.L2.Count > 1)
        {
            var cvRows = Sample(x.Rows, settings.MaxCrossValidationRows, seed);
            var cvData = ml.Data.Cache(layout.Data(x, y, cvRows));
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
        var data = ml.Data.Cache(layout.Data(x, y));
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
        var fitRowsView = layout.Data(x, y, fitRows);
        var featurizer = layout.Featurizer(ml, normalise: false).Fit(fitRowsView);
        var fitData = ml.Data.Cache(featurizer.Transform(fitRowsView));
        var validationData = ml.Data.Cache(featurizer.Transform(layout.Data(x, y, validationRows)));
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
            var calibrator = ml.BinaryClassification.Calibrators.Platt(MlLayout.PositiveColumn).Fit(trees.Transform(validationData));
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
        var sample = Vectors(ml, featurizer.Transform(layout.Data(x, y, Sample(x.Rows, ExplanationSampleRows, seed))));
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
