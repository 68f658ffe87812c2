using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Analytics.Frames;
using Microsoft.Data.Analysis;

namespace Dashboard.Core.Orders.Lines;

/// <summary>
/// A download's lines from the frame: the rows <see cref="OrdersScan.Select"/> picks, in the request's sort
/// (<see cref="Rows.FrameRows.All"/>), a batch at a time; the free text the frame does not keep (order ID, SKU, raw status, size, city)
/// read from the store by row id for each batch, in one read transaction at the frame's change count.
/// </summary>
internal static class FrameLines
{
    public static async Task<bool> StreamAsync(OrdersFrame s, Rows.RowsRequest request, LinesDownload download, CancellationToken cancellationToken)
    {
        var range = OrdersOverviewQuery.RangeOf(s, request.Filter);
        var f = new CompiledFilter(s, request.Filter);
        int[] sorted = range is { Days: > 0 } ? Rows.FrameRows.All(s, f, range, request.Sort, request.Descending) : [];
        await using var db = await download.Contexts.CreateDbContextAsync(cancellationToken);
        return await FrameStore.ReadAsync(db, async (connection, transaction, stored) =>
        {
            if (stored != s.StoredVersion)
            {
                return false;
            }
            await using var text = new StoreText(connection, transaction, "SELECT id, order_id, sku, status, size, city FROM order_lines WHERE");
            var batch = new LinesBatch(s, download);
            var ids = new int[batch.Capacity];
            for (var next = 0; next < sorted.Length;)
            {
                next = Fill(s, sorted, next, batch, ids);
                string?[][] columns = [batch.OrderId, batch.Sku, batch.Status, batch.Size, batch.City];
                await text.ReadAsync(ids.AsMemory(0, batch.Count), (reader, at) =>
                {
                    for (var c = 0; c < columns.Length; c++)
                    {
                        columns[c][at] = reader.IsDBNull(c + 1) ? null : reader.GetString(c + 1);
                    }
                }, cancellationToken);
                if (batch.Full)
                {
                    await batch.FlushAsync(cancellationToken);
                }
            }
            await batch.FinishAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Fills the batch with the sorted rows from <paramref name="next"/> on, until it is full; returns where to go on from.</summary>
    private static int Fill(OrdersFrame s, int[] sorted, int next, LinesBatch batch, int[] ids)
    {
        var id = s.Id.Span;
        var day = s.Day.Span;
        var status = s.Status.Span;
        var category = s.Category.Span;
        var state = s.State.Span;
        var fulfilment = s.Fulfilment.Span;
        var channel = s.Channel.Span;
        var service = s.Service.Span;
        var currency = s.Currency.Span;
        var qty = s.Qty.Span;
        var b2b = s.B2B.Span;
        var amounts = s.AmountMinor.Span;
        var amountColumn = (PrimitiveDataFrameColumn<long>)s.Frame[OrdersFrame.AmountColumn];
        var noState = s.States.ToList().IndexOf("");
        for (; next < sorted.Length && !batch.Full; next++)
        {
            var row = sorted[next];
            var at = batch.Count++;
            ids[at] = id[row];
            batch.Date[at] = DateOnly.FromDayNumber(day[row]);
            batch.StatusGroup[at] = status[row];
            batch.Fulfilment[at] = fulfilment[row];
            batch.Channel[at] = channel[row];
            batch.Service[at] = service[row];
            batch.Category[at] = category[row];
            batch.State[at] = state[row] == noState ? (short)-1 : state[row];
            batch.Qty[at] = qty[row];
            batch.Currency[at] = currency[row]; // OrdersFrame.NoCurrency (-1) where the line has none
            batch.Amount[at] = amountColumn.IsValid(row) ? amounts[row] / 100m : null;
            batch.B2B[at] = b2b[row];
        }
        return next;
    }
}
