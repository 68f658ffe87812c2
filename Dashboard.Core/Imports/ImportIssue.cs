namespace Dashboard.Core.Imports;

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
