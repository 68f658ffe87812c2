namespace Dashboard.Core.Imports;

public sealed record ImportIssueSummary(IssueKind Kind, int Row, string? Column, string? Value, string Reason);
