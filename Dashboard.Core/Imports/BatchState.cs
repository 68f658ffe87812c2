namespace Dashboard.Core.Imports;

public enum BatchState
{
    Running,
    Succeeded,
    Failed,
    Undone,
}
