namespace Dashboard.Core.Imports;

/// <summary>
/// The moment an import's batch is kept, decided once against a cancel (decision 0017). A cancel that comes first stops
/// the commit (the transaction rolls back); a commit that comes first is kept, and a cancel after it is refused and told
/// that the batch was kept. Either way the answer to the cancel and the store agree.
/// </summary>
public sealed class CommitGate
{
    private readonly Lock _lock = new();
    private bool _cancelled;
    private bool _passed;

    /// <summary>Asks to stop the import: true when it will keep nothing, false when it had already passed its commit.</summary>
    public bool TryCancel()
    {
        lock (_lock)
        {
            _cancelled = !_passed;
            return _cancelled;
        }
    }

    /// <summary>The import's last step before its commit: true when no cancel came first; no cancel is taken after it.</summary>
    public bool TryPass()
    {
        lock (_lock)
        {
            _passed = !_cancelled;
            return _passed;
        }
    }
}
