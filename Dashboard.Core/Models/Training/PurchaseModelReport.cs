using Dashboard.Core.Models.Evaluation;

namespace Dashboard.Core.Models.Training;

/// <summary>One trained purchase model with its held-out metrics, importance by input and training time.</summary>
/// <remarks><see cref="IntervalHitRate"/> is the share of held-out rows inside their interval; the interval's residual quantiles come from
/// the same held-out rows, so it matches the nominal coverage by construction and says nothing more.</remarks>
public sealed record PurchaseModelReport(PurchaseModel Model, RegressionMetrics Metrics, IReadOnlyList<FeatureImportance> Importance, TimeSpan TrainingTime,
    TimeSpan TrainingCpuTime, double IntervalHitRate);
