namespace Dashboard.Core.Models.Store;

/// <summary>What the background training is doing, for pages to show: state, stage, fraction done (0–1), a message (the outcome
/// once finished) and why the run was asked for.</summary>
public sealed record TrainingStatus(TrainingState State, string Stage, double Fraction, string? Message, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    TrainingRunResult? LastResult, string? Reason = null)
{
    public static readonly TrainingStatus Idle = new(TrainingState.Idle, "", 0, null, null, null, null);

    public bool IsBusy => State is TrainingState.Queued or TrainingState.Running;
}
