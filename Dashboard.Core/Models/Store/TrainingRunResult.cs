namespace Dashboard.Core.Models.Store;

/// <summary>What a training run did for each kind.</summary>
public sealed record TrainingRunResult(KindOutcome Cancellation, KindOutcome Purchase)
{
    /// <summary>True when at least one model was trained.</summary>
    public bool TrainedAny => Cancellation.Models.Count > 0 || Purchase.Models.Count > 0;
}
