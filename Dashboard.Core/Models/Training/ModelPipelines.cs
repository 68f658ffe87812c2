using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace Dashboard.Core.Models.Training;

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
                LabelColumnName = MlLayout.PositiveColumn,
                FeatureColumnName = "Features",
                L2Regularization = l2,
                L1Regularization = 0,
            }))
            : featurizer.Append(ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                LabelColumnName = MlLayout.LabelColumn,
                FeatureColumnName = "Features",
                L2Regularization = l2,
                L1Regularization = 0,
                // one thread: the same rows give the same model
                NumberOfThreads = 1,
            }));
    }

    public static LightGbmBinaryTrainer BinaryTrees(MLContext ml, TreeSettings s, int seed) =>
        ml.BinaryClassification.Trainers.LightGbm(
            Trees<LightGbmBinaryTrainer.Options, BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>,
                CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>(s, seed, MlLayout.PositiveColumn));

    public static LightGbmRegressionTrainer RegressionTrees(MLContext ml, TreeSettings s, int seed) =>
        ml.Regression.Trainers.LightGbm(
            Trees<LightGbmRegressionTrainer.Options, RegressionPredictionTransformer<LightGbmRegressionModelParameters>, LightGbmRegressionModelParameters>(
                s, seed, MlLayout.LabelColumn));

    /// <summary>The options both tree trainers share: the settings' shape and pace, early stopping on the validation rows, LightGbm's
    /// own categorical splits over the one-hot blocks, and a seeded, deterministic build.</summary>
    private static TOptions Trees<TOptions, TTransformer, TModel>(TreeSettings s, int seed, string label)
        where TOptions : LightGbmTrainerBase<TOptions, float, TTransformer, TModel>.OptionsBase, new()
        where TTransformer : ISingleFeaturePredictionTransformer<TModel>
        where TModel : class => new()
        {
            LabelColumnName = label,
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
        };
}
