namespace Dashboard.Core.Imports.Undo;

/// <summary>What an undo did, or why it was refused; <see cref="FirstDate"/>–<see cref="LastDate"/>: the order dates of the lines it removed.</summary>
public sealed record UndoResult(long BatchId, bool Succeeded, int LinesRemoved, int LinesRestored, int PurchasesRemoved, string? Error)
{
    public DateOnly? FirstDate { get; init; }
    public DateOnly? LastDate { get; init; }

    public static UndoResult Refused(long batchId, string error) => new(batchId, false, 0, 0, 0, error);
}
