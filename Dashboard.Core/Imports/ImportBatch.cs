namespace Dashboard.Core.Imports;

public enum DataFormat
{
    /// <summary>Amazon seller order export ("Amazon Sale Report").</summary>
    AmazonOrders,
    /// <summary>Customer purchase transactions with a <c>Purchase</c> column (training data).</summary>
    Purchases,
    /// <summary>Customer purchase transactions without <c>Purchase</c>: rows to score.</summary>
    PurchasesToScore,
}

public enum BatchState
{
    Running,
    Succeeded,
    Failed,
    Undone,
}

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

public enum IssueKind
{
    /// <summary>The row was not imported.</summary>
    Rejected,
    /// <summary>The row repeats an earlier row's key in the same file; the later row wins.</summary>
    Duplicate,
}

/// <summary>A row-level finding of an import, naming the row, the column and the value.</summary>
public sealed class ImportIssue
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public IssueKind Kind { get; set; }
    /// <summary>The row as a spreadsheet numbers it: the header is row 1, the first data row is row 2.</summary>
    public int RowNumber { get; set; }
    public string? Column { get; set; }
    public string? Value { get; set; }
    public required string Reason { get; set; }
}
