using Dashboard.Core.Data;
using Dashboard.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Analytics;

/// <summary>Answers from memory until the data changes (every page's header asks, and the answer is a table scan).</summary>
public sealed class DatasetSummaryQuery(IDbContextFactory<DashboardDbContext> contexts, DataVersion dataVersion)
{
    private sealed record Cached(long Version, DatasetSummary Summary);

    private volatile Cached? _cached;

    public async Task<DatasetSummary> GetAsync(CancellationToken cancellationToken = default)
    {
        var version = dataVersion.Current;
        if (_cached is { } cached && cached.Version == version)
        {
            return cached.Summary;
        }
        var summary = await ReadAsync(cancellationToken);
        _cached = new Cached(version, summary);
        return summary;
    }

    private async Task<DatasetSummary> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var orderRows = await db.OrderLines.CountAsync(cancellationToken);
        var sampleRows = await db.OrderLines.CountAsync(x => x.IsSample, cancellationToken);
        var from = orderRows == 0 ? (DateOnly?)null : await db.OrderLines.MinAsync(x => x.Date, cancellationToken);
        var to = orderRows == 0 ? (DateOnly?)null : await db.OrderLines.MaxAsync(x => x.Date, cancellationToken);
        var distinctOrders = await db.OrderLines.Select(x => x.OrderId).Distinct().CountAsync(cancellationToken);

        var purchases = await db.Purchases
            .GroupBy(x => x.IsToScore)
            .Select(g => new { ToScore = g.Key, Rows = g.Count(), Sample = g.Count(x => x.IsSample) })
            .ToListAsync(cancellationToken);
        var labelled = purchases.FirstOrDefault(p => !p.ToScore);
        var toScore = purchases.FirstOrDefault(p => p.ToScore);
        var mainCurrency = await db.OrderLines.Where(x => x.Currency != null)
            .GroupBy(x => x.Currency).Select(g => new { Currency = g.Key, Lines = g.Count() })
            .OrderByDescending(g => g.Lines).ThenBy(g => g.Currency).Select(g => g.Currency).FirstOrDefaultAsync(cancellationToken);
        var batches = await db.ImportBatches.CountAsync(b => b.State == BatchState.Succeeded && !b.IsSample, cancellationToken);

        return new DatasetSummary(
            new DatasetPart(orderRows, sampleRows > 0, distinctOrders, from, to),
            new DatasetPart(labelled?.Rows ?? 0, labelled?.Sample > 0),
            new DatasetPart(toScore?.Rows ?? 0, toScore?.Sample > 0),
            batches,
            mainCurrency);
    }
}
