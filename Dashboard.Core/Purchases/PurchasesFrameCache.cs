using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Purchases;

/// <summary>Keeps the current <see cref="PurchasesFrame"/>, rebuilding it when <see cref="DataVersion"/> moves on.</summary>
public sealed class PurchasesFrameCache(IDbContextFactory<DashboardDbContext> contexts, DataVersion dataVersion)
    : FrameCache<PurchasesFrame>(contexts, dataVersion)
{
    protected override string FrameName => "purchases";

    protected override long LinesHeld(PurchasesFrame frame) => frame.Count;

    protected override long VersionOf(PurchasesFrame frame) => frame.Version;

    protected override Task<PurchasesFrame> LoadAsync(DashboardDbContext db, long version, CancellationToken cancellationToken) =>
        PurchasesFrame.LoadAsync(db, version, cancellationToken);
}
