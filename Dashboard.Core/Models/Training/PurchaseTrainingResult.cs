using Dashboard.Core.Models.Evaluation;

namespace Dashboard.Core.Models.Training;

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
