
namespace Dashboard.Core.Imports.History;

/// <summary>One batch as the import history lists it.</summary>
public sealed record BatchRow(long Id, string FileName, DataFormat? Format, BatchState State, bool IsSample, DateTime StartedAt,
    DateTime? FinishedAt, DateTime? UndoneAt, int RowsRead, int Inserted, int Updated, int Unchanged, int Rejected, int Duplicates, string? Error)
{
    public bool CanUndo => State == BatchState.Succeeded && !IsSample;
}
