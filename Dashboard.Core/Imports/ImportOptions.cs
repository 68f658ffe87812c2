namespace Dashboard.Core.Imports;

public sealed record ImportOptions
{
    /// <summary>Run every check and count, then keep nothing: the preview of an import.</summary>
    public bool DryRun { get; init; }

    /// <summary>The rows are built-in sample data, to be replaced by the first real file of their format.</summary>
    public bool IsSample { get; init; }

    /// <summary>Report progress after this many rows.</summary>
    public int ProgressEvery { get; init; } = 10_000;
}
