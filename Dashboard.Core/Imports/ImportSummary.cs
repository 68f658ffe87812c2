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
