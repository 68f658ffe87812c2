using Dashboard.Core.Models.Evaluation;

namespace Dashboard.Core.Models.Training;

/// <summary>One trained cancellation model with its held-out metrics, importance by input and training time.</summary>
/// <remarks><see cref="TrainingCpuTime"/> is the process CPU time spent while fitting: on a busy machine it shows the work
/// apart from waiting for a core.</remarks>
public sealed record CancellationModelReport(CancellationModel Model, ClassificationMetrics Metrics, IReadOnlyList<FeatureImportance> Importance,
    TimeSpan TrainingTime, TimeSpan TrainingCpuTime);
