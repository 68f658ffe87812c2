using Dashboard.Core.Models.Evaluation;

namespace Dashboard.Core.Models.Training;

/// <summary>One trained cancellation model with its held-out metrics, importance by input and training time.</summary>
/// <remarks><see cref="TrainingCpuTime"/> is the process CPU time spent while fitting: on a busy machine it shows the work
/// apart from waiting for a core.</remarks>
public sealed record CancellationModelReport(CancellationModel Model, ClassificationMetrics Metrics, IReadOnlyList<FeatureImportance> Importance,
    TimeSpan TrainingTime, TimeSpan TrainingCpuTime);

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
/// <remarks><see cref="IntervalHitRate"/> is the share of held-out rows inside their interval; the interval's residual quantiles come from
/// the same held-out rows, so it matches the nominal coverage by construction and says nothing more.</remarks>
public sealed record PurchaseModelReport(PurchaseModel Model, RegressionMetrics Metrics, IReadOnlyList<FeatureImportance> Importance, TimeSpan TrainingTime,
    TimeSpan TrainingCpuTime, double IntervalHitRate);

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
