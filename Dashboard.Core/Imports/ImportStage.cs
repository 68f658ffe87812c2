namespace Dashboard.Core.Imports;

/// <summary>Where an import is, as <see cref="IImportStageObserver"/> is told.</summary>
public enum ImportStage
{
    /// <summary>The header is read and the batch recorded; the rows are about to be read and written.</summary>
    ReadingRows,

    /// <summary>The rows are written; the batch's counts and findings are about to be recorded.</summary>
    FinishingBatch,

    /// <summary>Everything is written; the transaction is about to be committed (or a dry run rolled back).</summary>
    Committing,

    /// <summary>The batch is committed.</summary>
    Committed,
}
