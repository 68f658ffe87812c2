using Dashboard.Core.Analytics.Export;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Api;

/// <summary>
/// How many row downloads this instance writes at once (<see cref="DownloadOptions.MaxParallel"/>); one past it is
/// answered 503 with <c>Retry-After</c> at once rather than queued (decision 0023).
/// </summary>
public sealed class DownloadSlots(IOptions<DownloadOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxParallel, options.Value.MaxParallel);

    /// <summary>A slot, to dispose when the file is written; null when every slot is taken.</summary>
    public IDisposable? TryTake() => _slots.Wait(0) ? new Slot(_slots) : null;

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
