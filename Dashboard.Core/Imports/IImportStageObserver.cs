namespace Dashboard.Core.Imports;

/// <summary>
/// Told, on the import's thread, as an import reaches each <see cref="ImportStage"/>: a seam for tests that stop an import
/// at one stage and cancel it there (decision 0017). The app registers none.
/// </summary>
public interface IImportStageObserver
{
    void Reached(ImportStage stage);
}
