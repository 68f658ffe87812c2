
namespace Dashboard.Core.Models.Store;

/// <summary>A stored model without its payload: a row of the training history.</summary>
public sealed record ModelVersionInfo(
    long Id, ModelKind Kind, ModelAlgorithm Algorithm, int Version, string ModelName, DateTimeOffset TrainedAt, IReadOnlyList<long> TrainingBatches,
    bool IsActive, string Decision, string ParametersJson, ModelReport Report);
