using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Analytics.Orders;
using Dashboard.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Analytics.Purchases;

/// <summary>
/// The labelled purchase transactions a <see cref="PurchaseFilter"/> selects, as typed columns for the Parquet and
/// Arrow downloads: rows from the frame (<c>DataFrame.Filter</c>), user and product IDs from the store by row id.
/// </summary>
public sealed class PurchasesExport(PurchasesFrameCache frames, IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<DataTable> GetAsync(PurchaseFilter filter, CancellationToken cancellationToken = default)
    {
        var s = await frames.GetAsync(cancellationToken);
        var selected = s.Frame.Filter(PurchasesQuery.Select(s, filter));
        var rows = checked((int)selected.Rows.Count);
        var ids = FrameValues.ToArray<int>(selected[PurchasesFrame.IdColumn]);
        var (users, products) = await ReadIdsAsync(ids, cancellationToken);
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

    private async Task<(long?[] Users, string?[] Products)> ReadIdsAsync(int[] ids, CancellationToken cancellationToken)
    {
        var users = new long?[ids.Length];
        var products = new string?[ids.Length];
        if (ids.Length == 0)
        {
            return (users, products);
        }
        var position = new int[ids.Max() + 1];
        Array.Fill(position, -1);
        for (var i = 0; i < ids.Length; i++)
        {
            position[ids[i]] = i;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, user_id, product_id FROM purchases WHERE id <= $max AND purchase IS NOT NULL;";
        command.Parameters.AddWithValue("$max", position.Length - 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var at = position[reader.GetInt64(0)];
            if (at < 0)
            {
                continue;
            }
            users[at] = reader.IsDBNull(1) ? null : reader.GetInt64(1);
            products[at] = reader.IsDBNull(2) ? null : reader.GetString(2);
            found++;
        }
        if (found != ids.Length)
        {
            throw new DataChangedException();
        }
        return (users, products);
    }
}
