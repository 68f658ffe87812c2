using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Purchases;

/// <summary>
/// The labelled purchase transactions a <see cref="PurchaseFilter"/> selects, written as a download a batch at a time
/// (decision 0023): rows from the frame, user and product IDs from the store by row id, in one read transaction at the
/// frame's change count.
/// </summary>
public sealed class PurchasesExport(PurchasesFrameCache frames, IDbContextFactory<DashboardDbContext> contexts, IOptions<DownloadOptions> options)
{
    /// <summary>Writes the rows to <paramref name="writer"/> (not completed here); <see cref="DataChangedException"/> when the store kept changing.</summary>
    public Task WriteAsync(PurchaseFilter filter, ITableWriter writer, CancellationToken cancellationToken = default) =>
        frames.ReadAsync(async s => await StreamAsync(s, filter, writer, cancellationToken) ? s : null, cancellationToken);

    /// <summary>False, with nothing written, when the store has moved on from the frame.</summary>
    private async Task<bool> StreamAsync(PurchasesFrame s, PurchaseFilter filter, ITableWriter writer, CancellationToken cancellationToken)
    {
        var selected = FrameColumns.Single<bool>(PurchasesQuery.Select(s, filter));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FrameStore.ReadAsync(db, async (connection, transaction, stored) =>
        {
            if (stored != s.StoredVersion)
            {
                return false;
            }
            await using var text = new StoreText(connection, transaction, "SELECT id, user_id, product_id FROM purchases WHERE purchase IS NOT NULL AND");
            var batch = new PurchasesBatch(s, options.Value.BatchRows);
            var written = false;
            for (var row = 0; row < selected.Length;)
            {
                row = batch.Fill(s, selected, row);
                await text.ReadAsync(batch.Ids.AsMemory(0, batch.Count), (reader, at) =>
                {
                    batch.Users[at] = reader.IsDBNull(1) ? null : reader.GetInt64(1);
                    batch.Products[at] = reader.IsDBNull(2) ? null : reader.GetString(2);
                }, cancellationToken);
                if (batch.Count > 0)
                {
                    await writer.WriteAsync(batch.Table, cancellationToken);
                    written = true;
                }
            }
            if (!written)
            {
                await writer.WriteAsync(batch.Table, cancellationToken); // no rows: the columns still
            }
            return true;
        }, cancellationToken);
    }
}
