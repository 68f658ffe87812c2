namespace Dashboard.Core.Imports.Undo;

/// <summary>What an undo did, or why it was refused.</summary>
public sealed record UndoResult(long BatchId, bool Succeeded, int LinesRemoved, int LinesRestored, int PurchasesRemoved, string? Error)
{
    public static UndoResult Refused(long batchId, string error) => new(batchId, false, 0, 0, 0, error);
}
