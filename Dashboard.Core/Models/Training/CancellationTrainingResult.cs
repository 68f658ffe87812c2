using Dashboard.Core.Models.Evaluation;

namespace Dashboard.Core.Models.Training;

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
