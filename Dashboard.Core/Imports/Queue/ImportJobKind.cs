namespace Dashboard.Core.Imports.Queue;

public enum ImportJobKind
{
    /// <summary>A dry run: every check and count, nothing kept.</summary>
    Preview,
    /// <summary>The import itself.</summary>
    Commit,
    /// <summary>The undo of a committed batch.</summary>
    Undo,
}
