using System.Globalization;
using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Data;
using Dashboard.Core.Orders.Rollup;
using Dashboard.Core.Orders.Rows;

namespace Dashboard.Core.Orders.Lines;

/// <summary>
/// A download's lines read from the store's order lines in the request's sort (<see cref="RowsSql.OrderBy"/>): past the
/// frame's size (<see cref="Analytics.AnalyticsOptions.FrameMaxLines"/>), and for a search or a sort by free text the
/// frame does not keep. One statement in one read transaction at the data's change count, its rows written a batch at a
/// time as the reader hands them over, so that memory stays one batch whatever the count.
/// </summary>
internal static class StoreLines
{
    public static async Task<bool> StreamAsync(IOrdersData s, RowsRequest request, LinesDownload download, CancellationToken cancellationToken)
    {
        var batch = new LinesBatch(s, download);
        if (OrdersOverviewQuery.RangeOf(s, request.Filter) is not { Days: > 0 } range)
        {
            await batch.FinishAsync(cancellationToken);
            return true;
        }
        var f = new CompiledFilter(s, request.Filter);
        var codes = new Codes(s);
        await using var db = await download.Contexts.CreateDbContextAsync(cancellationToken);
        return await FrameStore.ReadAsync(db, async (connection, transaction, stored) =>
        {
            if (stored != s.StoredVersion)
            {
                return false;
            }
            var where = new RowsWhere(db.Kind, s, f, range, request.Prefix);
            await using var command = connection.Command(string.Create(CultureInfo.InvariantCulture,
                $"SELECT {RowsSql.Columns} FROM order_lines WHERE {where.Sql} ORDER BY {RowsSql.OrderBy(request.Sort, request.Descending)};"), transaction);
            where.Bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                codes.Add(batch, RowsSql.Read(reader));
                if (batch.Full)
                {
                    await batch.FlushAsync(cancellationToken);
                }
            }
            await batch.FinishAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>The data's names as the batch's codes: a line read at the data's change count has only names it knows.</summary>
    private sealed class Codes(IOrdersData s)
    {
        private readonly Dictionary<string, short> _status = OrdersRollup.Codes(Enum.GetNames<StatusGroup>());
        private readonly Dictionary<string, short> _fulfilment = OrdersRollup.Codes(s.Fulfilments);
        private readonly Dictionary<string, short> _channel = OrdersRollup.Codes(s.SalesChannels);
        private readonly Dictionary<string, short> _service = OrdersRollup.Codes(s.ServiceLevels);
        private readonly Dictionary<string, short> _category = OrdersRollup.Codes(s.Categories);
        private readonly Dictionary<string, short> _state = OrdersRollup.Codes(s.States);
        private readonly Dictionary<string, short> _currency = OrdersRollup.Codes(s.Currencies);

        public void Add(LinesBatch batch, OrderRow row)
        {
            var at = batch.Count++;
            batch.OrderId[at] = row.OrderId;
            batch.Sku[at] = row.Sku;
            batch.Status[at] = row.Status;
            batch.Size[at] = row.Size;
            batch.City[at] = row.City;
            batch.Date[at] = row.Date;
            batch.StatusGroup[at] = Code(_status, row.StatusGroup.ToString());
            batch.Fulfilment[at] = Code(_fulfilment, row.Fulfilment);
            batch.Channel[at] = Code(_channel, row.Channel);
            batch.Service[at] = Code(_service, row.ServiceLevel);
            batch.Category[at] = Code(_category, row.Category);
            batch.State[at] = Code(_state, row.State);
            batch.Qty[at] = row.Qty;
            batch.Currency[at] = Code(_currency, row.Currency);
            batch.Amount[at] = row.Amount;
            batch.B2B[at] = row.B2B;
        }

        private static short Code(Dictionary<string, short> codes, string? name) =>
            name is null ? (short)-1
            : codes.TryGetValue(name, out var code) ? code
            : throw new InvalidOperationException("order_lines changed inside a read transaction.");
    }
}
