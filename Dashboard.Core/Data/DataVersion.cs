namespace Dashboard.Core.Data;

/// <summary>
/// A number that changes whenever stored data changes (an import commits, sample data is written or removed).
/// Caches of query results key on it, so the dashboards show new data at once.
/// </summary>
public sealed class DataVersion
{
    private long _current = 1;

    public long Current => Interlocked.Read(ref _current);

    /// <summary>Raised after <see cref="Current"/> has moved on.</summary>
    public event Action<long>? Changed;

    public long Bump()
    {
        var next = Interlocked.Increment(ref _current);
        Changed?.Invoke(next);
        return next;
    }
}
