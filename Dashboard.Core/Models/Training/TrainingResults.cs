using Dashboard.Core.Models.Learning;
using Dashboard.Core.Models.Learning.Metrics;

namespace Dashboard.Core.Models.Training;

/// <summary>One trained cancellation model with its held-out metrics, importance by input and training time.</summary>
public sealed record CancellationModelReport(CancellationModel Model, ClassificationMetrics Metrics, IReadOnlyList<FeatureImportance> Importance, TimeSpan TrainingTime);

/// <summary>Both cancellation models side by side, the base-rate baseline they must beat, and what the training saw.</summary>
public sealed record CancellationTrainingResult(
    CancellationModelReport Linear,
    CancellationModelReport Trees,
    ClassificationMetrics Baseline,
    IReadOnlyList<LeakageWarning> LeakageWarnings,
    int TrainRows,
    int TestRows,
    DateOnly TestFrom,
    DateOnly TestTo,
    TimeSpan FeatureTime);

/// <summary>One trained purchase model with its held-out metrics, importance by input and training time.</summary>
public sealed record PurchaseModelReport(PurchaseModel Model, RegressionMetrics Metrics, IReadOnlyList<FeatureImportance> Importance, TimeSpan TrainingTime,
    double IntervalHitRate);

/// <summary>Both purchase models side by side and the mean-prediction baseline they must beat.</summary>
public sealed record PurchaseTrainingResult(
    PurchaseModelReport Linear,
    PurchaseModelReport Trees,
    RegressionMetrics Baseline,
    IReadOnlyList<LeakageWarning> LeakageWarnings,
    int TrainRows,
    int TestRows,
    bool UsedIds,
    TimeSpan FeatureTime);
