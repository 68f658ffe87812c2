using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Purchases;

/// <summary>
/// The labelled purchase transactions a <see cref="PurchaseFilter"/> selects, as typed columns for the Parquet and
/// Arrow downloads: rows from the frame (<c>DataFrame.Filter</c>), user and product IDs from the store by row id.
/// </summary>
public sealed class PurchasesExport(PurchasesFrameCache frames, IDbContextFactory<DashboardDbContext> contexts)
{
    public Task<DataTable> GetAsync(PurchaseFilter filter, CancellationToken cancellationToken = default) =>
        frames.ReadAsync(s => BuildAsync(s, filter, cancellationToken), cancellationToken);

    /// <summary>The export from one frame; null when the store has moved on from it.</summary>
    private async Task<DataTable?> BuildAsync(PurchasesFrame s, PurchaseFilter filter, CancellationToken cancellationToken)
    {
        var selected = s.Frame.Filter(PurchasesQuery.Select(s, filter));
        var rows = checked((int)selected.Rows.Count);
        var ids = FrameValues.ToArray<int>(selected[PurchasesFrame.IdColumn]);
        var users = new long?[ids.Length];
        var products = new string?[ids.Length];
        if (!await StoreText.ReadAsync(contexts, s.StoredVersion, "SELECT id, user_id, product_id FROM purchases WHERE id <= @max AND purchase IS NOT NULL;", ids,
                (reader, at) =>
                {
                    users[at] = reader.IsDBNull(1) ? null : reader.GetInt64(1);
                    products[at] = reader.IsDBNull(2) ? null : reader.GetString(2);
                }, cancellationToken))
        {
            return null;
        }
        var columns = new List<DataTableColumn>
        {
            new Int64Column("user_id", users),
            new TextColumn("product_id", products),
        };
        foreach (var d in Enum.GetValues<PurchaseDimension>())
        {
            var name = PurchasesFrame.ColumnOf(d);
            columns.Add(new CodedTextColumn(name, FrameValues.ToArray<short>(selected[name]), s.Labels[d]));
        }
        columns.Add(new Int32Column("purchase", FrameValues.ToArray<int>(selected[PurchasesFrame.PurchaseColumn])));
        return new DataTable(rows, columns);
    }
}
