namespace Dashboard.Core.Models.Training;

/// <summary>The share of a model's importance owed to one input: the held-out metric lost when all of its feature columns are
/// shuffled together (held-out ROC AUC lost for classifiers, RMSE gained for regressions), averaged over two shuffles and clamped at
/// zero. Ours, not ML.NET's PermutationFeatureImportance, which shuffles one slot at a time (see
/// <see cref="TabularModel.PermutationImportance"/>).</summary>
public sealed record FeatureImportance(string Feature, double Importance);
