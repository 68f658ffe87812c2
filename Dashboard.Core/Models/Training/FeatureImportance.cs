namespace Dashboard.Core.Models.Training;

/// <summary>The share of a model's importance owed to one input: the held-out metric lost when its columns are permuted
/// (ML.NET's permutation feature importance: AUC for classifiers, RMSE for regressions).</summary>
public sealed record FeatureImportance(string Feature, double Importance);
