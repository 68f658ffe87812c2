using System.Data.Common;
using Dashboard.Core.Orders.Rollup;

namespace Dashboard.Core.Orders.Lines;

/// <summary>
/// A download's lines past the frame's size (<see cref="Analytics.AnalyticsOptions.FrameMaxLines"/>): read from the store's
/// order lines in date order, in one read transaction at the rollup's change count, and written a batch at a time as
/// they are read.
/// </summary>
internal static class StoreLines
{
    private const string Columns = """
        order_id, sku, status, size, city, order_date, status_group, fulfilment, sales_channel, service_level, category,
        state, qty, currency, amount_minor, b2b
        """;

    public static async Task<bool> StreamAsync(OrdersRollup s, OrderFilter filter, LinesDownload download, CancellationToken cancellationToken)
    {
        var batch = new LinesBatch(s, download);
        if (OrdersOverviewQuery.RangeOf(s, filter) is not { Days: > 0 } range)
        {
            await batch.FinishAsync(cancellationToken);
            return true;
        }
        var f = new CompiledFilter(s, filter);
        // The coded columns: the reader's column, the summary's names as codes, and the batch's column they fill.
        (int Column, Dictionary<string, short> Codes, short[] Values)[] coded =
        [
            (6, OrdersRollup.Codes(Enum.GetNames<StatusGroup>()), batch.StatusGroup), (7, OrdersRollup.Codes(s.Fulfilments), batch.Fulfilment),
            (8, OrdersRollup.Codes(s.SalesChannels), batch.Channel), (9, OrdersRollup.Codes(s.ServiceLevels), batch.Service),
            (10, OrdersRollup.Codes(s.Categories), batch.Category), (11, OrdersRollup.Codes(s.States), batch.State),
            (13, OrdersRollup.Codes(s.Currencies), batch.Currency),
        ];
        string?[][] text = [batch.OrderId, batch.Sku, batch.Status, batch.Size, batch.City];
        return await s.ReadLinesAsync(Columns, f, range.From, range.To, async reader =>
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var day = OrdersFrame.ParseDate(reader.GetString(5));
                if (f.Weekday is { } weekdays && !weekdays[(int)day.DayOfWeek])
                {
                    continue;
                }
                Add(reader, day, batch, coded, text);
                if (batch.Full)
                {
                    await batch.FlushAsync(cancellationToken);
                }
            }
            await batch.FinishAsync(cancellationToken);
        }, cancellationToken);
    }

    private static void Add(DbDataReader reader, DateOnly day, LinesBatch batch,
        (int Column, Dictionary<string, short> Codes, short[] Values)[] coded, string?[][] text)
    {
        var at = batch.Count++;
        foreach (var (column, codes, values) in coded)
        {
            // A value the summary does not know cannot be: the lines are read at the summary's change count.
            values[at] = reader.IsDBNull(column) ? (short)-1
                : codes.TryGetValue(reader.GetString(column), out var code) ? code
                : throw new InvalidOperationException("order_lines changed inside a read transaction.");
        }
        for (var c = 0; c < text.Length; c++)
        {
            text[c][at] = reader.IsDBNull(c) ? null : reader.GetString(c);
        }
        batch.Date[at] = day;
        batch.Qty[at] = checked((int)reader.GetInt64(12));
        batch.Amount[at] = reader.IsDBNull(14) ? null : reader.GetInt64(14) / 100m;
        batch.B2B[at] = reader.GetBoolean(15);
    }
}
