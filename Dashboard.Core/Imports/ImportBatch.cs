namespace Dashboard.Core.Imports;

/// <summary>One import of one file: all of its rows are written, or none.</summary>
public sealed class ImportBatch
{
    public long Id { get; set; }
    public required string FileName { get; set; }
    public DataFormat? Format { get; set; }
    /// <summary>SHA-256 of the file's (decompressed) bytes, lower-case hex.</summary>
    public string? ContentHash { get; set; }
    public BatchState State { get; set; }
    public bool IsSample { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>When the batch was undone (state <see cref="BatchState.Undone"/>); null otherwise.</summary>
    public DateTime? UndoneAt { get; set; }
    public int RowsRead { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    public int Duplicates { get; set; }
    /// <summary>Why the batch failed or the file was refused.</summary>
    public string? Error { get; set; }
    public List<ImportIssue> Issues { get; set; } = [];
}
