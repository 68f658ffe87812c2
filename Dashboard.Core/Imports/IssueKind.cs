namespace Dashboard.Core.Imports;

public enum IssueKind
{
    /// <summary>The row was not imported.</summary>
    Rejected,
    /// <summary>The row repeats an earlier row's key in the same file; the later row wins.</summary>
    Duplicate,
}
