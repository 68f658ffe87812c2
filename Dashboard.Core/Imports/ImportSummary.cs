namespace Dashboard.Core.Imports;

/// <summary>What one import did (or, for a dry run, would do): the batch's counts, findings and outcome.</summary>
public sealed record ImportSummary
{
    public long? BatchId { get; init; }
    public required string FileName { get; init; }
    public DataFormat? Format { get; init; }
    public BatchState State { get; init; }
    public bool DryRun { get; init; }
    public string? ContentHash { get; init; }
    public int RowsRead { get; init; }
    public int Inserted { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public int Rejected { get; init; }
    public int Duplicates { get; init; }
    /// <summary>How many stored lines changed status, by (from, to), most common first.</summary>
    public IReadOnlyList<StatusChange> StatusChanges { get; init; } = [];
    public DateOnly? FirstDate { get; init; }
    public DateOnly? LastDate { get; init; }
    public IReadOnlyList<string> Currencies { get; init; } = [];
    /// <summary>The first row-level findings (all of them are stored with the batch, up to a limit).</summary>
    public IReadOnlyList<ImportIssueSummary> Issues { get; init; } = [];
    public string? Error { get; init; }
    public double Seconds { get; init; }

    public bool Succeeded => State == BatchState.Succeeded;
}

public sealed record StatusChange(string From, string To, int Lines);

public sealed record ImportIssueSummary(IssueKind Kind, int Row, string? Column, string? Value, string Reason);

/// <summary>
/// Progress of a running import: rows so far, bytes of the file so far out of its length when known, and bytes of
/// content so far (for a .gz, decompressed bytes, blank lines included).
/// </summary>
public sealed record ImportProgress(int RowsRead, long BytesRead, long? TotalBytes, long ContentBytesRead = 0);

public sealed record ImportOptions
{
    /// <summary>Run every check and count, then keep nothing: the preview of an import.</summary>
    public bool DryRun { get; init; }

    /// <summary>The rows are built-in sample data, to be replaced by the first real file of their format.</summary>
    public bool IsSample { get; init; }

    /// <summary>Report progress after this many rows.</summary>
    public int ProgressEvery { get; init; } = 10_000;
}
