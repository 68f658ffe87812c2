namespace Dashboard.Core.Models.Store;

/// <summary>
/// One trained model as stored: its serialised pipeline and model (<see cref="Payload"/>), what it was trained on, its
/// held-out report (<see cref="ReportJson"/>, a <see cref="ModelReport"/>), and whether it is the version the app scores with.
/// A model that was worse than the active one on the same held-out rows is kept with <see cref="IsActive"/> false and
/// <see cref="Decision"/> saying why.
/// </summary>
public sealed class StoredModel
{
    public long Id { get; set; }
    public ModelKind Kind { get; set; }
    public ModelAlgorithm Algorithm { get; set; }
    /// <summary>1, 2, … per kind and algorithm.</summary>
    public int Version { get; set; }
    /// <summary>The model's own name (e.g. <c>logistic (L-BFGS, L2 0.1)</c>, <c>boosted trees (LightGbm, 107 trees)</c>).</summary>
    public required string ModelName { get; set; }
    public DateTimeOffset TrainedAt { get; set; }
    /// <summary>The import batches whose rows it was trained and judged on, as a JSON array of ids.</summary>
    public required string TrainingBatches { get; set; }
    /// <summary>The training options (features, trainer settings) as JSON.</summary>
    public required string ParametersJson { get; set; }
    /// <summary>Held-out metrics, baseline, calibration or residuals, importance and leakage warnings as JSON.</summary>
    public required string ReportJson { get; set; }
    public bool IsActive { get; set; }
    /// <summary>Why it was or was not activated, in words.</summary>
    public required string Decision { get; set; }
    public required byte[] Payload { get; set; }
}
