namespace Dashboard.Core.Models.Store;

public enum TrainingState
{
    Idle,
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
