using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Data;
using Dashboard.Core.Orders.Rollup;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Orders;

/// <summary>
/// The order lines an <see cref="OrderFilter"/> selects, as typed columns for the Parquet and Arrow downloads: the
/// rows are the frame's (<see cref="OrdersScan.Select"/>, then <c>DataFrame.Filter</c>), the lines of an order together; the free
/// text the frame does not keep (order ID, SKU, raw status, size, city) is read from the store by row id. Past the
/// frame's size (<see cref="Analytics.AnalyticsOptions.FrameMaxLines"/>) the lines are read from the store, in date order.
/// </summary>
public sealed class OrderLinesExport(OrdersFrameCache frames, IDbContextFactory<DashboardDbContext> contexts)
{
    public Task<DataTable> GetAsync(OrderFilter filter, CancellationToken cancellationToken = default) =>
        frames.ReadAsync(s => s switch
        {
            OrdersFrame frame => BuildAsync(frame, filter, cancellationToken),
            _ => BuildAsync((OrdersRollup)s, filter, cancellationToken),
        }, cancellationToken);

    /// <summary>The export read from the store's order lines; null when the store has moved on from <paramref name="s"/>.</summary>
    private static Task<DataTable?> BuildAsync(OrdersRollup s, OrderFilter filter, CancellationToken cancellationToken)
    {
        if (OrdersOverviewQuery.RangeOf(s, filter) is not { Days: > 0 } range)
        {
            return Task.FromResult<DataTable?>(Table(0, [[], [], [], [], []], [], [], [], [], [], [], [], [], [], [], [], s));
        }
        var f = new CompiledFilter(s, filter);
        return s.ReadLinesAsync("""
            order_id, sku, status, size, city, order_date, status_group, fulfilment, sales_channel, service_level, category,
            state, qty, currency, amount_minor, b2b
            """, f, range.From, range.To, async reader =>
        {
            var text = Enumerable.Range(0, 5).Select(_ => new List<string?>()).ToArray();
            var days = new List<DateOnly>();
            var qtys = new List<int>();
            var amounts = new List<decimal?>();
            var b2bs = new List<bool>();
            // The coded columns: where the reader has them, the summary's names as codes, and the codes read (-1: null).
            (int Column, Dictionary<string, short> Codes, List<short> Values)[] coded =
            [
                (6, OrdersRollup.Codes(Enum.GetNames<StatusGroup>()), []), (7, OrdersRollup.Codes(s.Fulfilments), []),
                (8, OrdersRollup.Codes(s.SalesChannels), []), (9, OrdersRollup.Codes(s.ServiceLevels), []),
                (10, OrdersRollup.Codes(s.Categories), []), (11, OrdersRollup.Codes(s.States), []), (13, OrdersRollup.Codes(s.Currencies), []),
            ];
            while (await reader.ReadAsync(cancellationToken))
            {
                var day = OrdersFrame.ParseDate(reader.GetString(5));
                if (f.Weekday is { } weekdays && !weekdays[(int)day.DayOfWeek])
                {
                    continue;
                }
                foreach (var (column, codes, values) in coded)
                {
                    if (reader.IsDBNull(column))
                    {
                        values.Add(-1);
                    }
                    else if (codes.TryGetValue(reader.GetString(column), out var code))
                    {
                        values.Add(code);
                    }
                    else
                    {
                        return null; // a value the summary does not know: the store has moved on
                    }
                }
                for (var c = 0; c < 5; c++)
                {
                    text[c].Add(reader.IsDBNull(c) ? null : reader.GetString(c));
                }
                days.Add(day);
                qtys.Add(checked((int)reader.GetInt64(12)));
                amounts.Add(reader.IsDBNull(14) ? null : reader.GetInt64(14) / 100m);
                b2bs.Add(reader.GetBoolean(15));
            }
            short[] Codes(int i) => [.. coded[i].Values];
            return Table(days.Count, text.Select(t => t.ToArray()).ToArray(), [.. days], Codes(0), Codes(1), Codes(2),
                Codes(3), Codes(4), Codes(5), [.. qtys], Codes(6), [.. amounts], [.. b2bs], s);
        }, cancellationToken);
    }

    /// <summary>The download's columns, in its order.</summary>
    private static DataTable Table(int rows, string?[][] text, DateOnly[] days, short[] statuses, short[] fulfilments, short[] channels,
        short[] services, short[] categories, short[] states, int[] qtys, short[] currencies, decimal?[] amounts, bool[] b2bs, IOrdersData s) =>
        new(rows,
        [
            new TextColumn("order_id", text[0]),
            new TextColumn("sku", text[1]),
            new DateColumn("date", days),
            new TextColumn("status", text[2]),
            new CodedTextColumn("status_group", statuses, Enum.GetNames<StatusGroup>()),
            new CodedTextColumn("fulfilment", fulfilments, s.Fulfilments),
            new CodedTextColumn("sales_channel", channels, s.SalesChannels),
            new CodedTextColumn("service_level", services, s.ServiceLevels),
            new CodedTextColumn("category", categories, s.Categories),
            new TextColumn("size", text[3]),
            new CodedTextColumn("state", states, s.States),
            new TextColumn("city", text[4]),
            new Int32Column("qty", qtys),
            new CodedTextColumn("currency", currencies, s.Currencies),
            new MoneyColumn("amount", amounts),
            new BooleanColumn("b2b", b2bs),
        ]);

    /// <summary>The export from one frame; null when the store has moved on from it.</summary>
    private async Task<DataTable?> BuildAsync(OrdersFrame s, OrderFilter filter, CancellationToken cancellationToken)
    {
        var range = OrdersOverviewQuery.RangeOf(s, filter);
        var mask = range is null
            ? OrdersScan.Select(s, new CompiledFilter(s, filter), 1, 0)
            : OrdersScan.Select(s, new CompiledFilter(s, filter), range.From.DayNumber, range.To.DayNumber);
        var selected = s.Frame.Filter(mask);
        var rows = checked((int)selected.Rows.Count);

        var ids = FrameValues.ToArray<int>(selected[OrdersFrame.IdColumn]);
        var text = Enumerable.Range(0, 5).Select(_ => new string?[ids.Length]).ToArray();
        if (!await StoreText.ReadAsync(contexts, s.StoredVersion, "SELECT id, order_id, sku, status, size, city FROM order_lines WHERE id <= @max;", ids,
                (reader, at) =>
                {
                    for (var c = 0; c < 5; c++)
                    {
                        text[c][at] = reader.IsDBNull(c + 1) ? null : reader.GetString(c + 1);
                    }
                }, cancellationToken))
        {
            return null;
        }
        var days = FrameValues.ToArray<int>(selected[OrdersFrame.DayColumn]);
        var amounts = FrameValues.ToNullableArray<long>(selected[OrdersFrame.AmountColumn]);
        var noState = s.States.ToList().IndexOf("");

        return Table(rows, text, Array.ConvertAll(days, DateOnly.FromDayNumber),
            Array.ConvertAll(FrameValues.ToArray<byte>(selected[OrdersFrame.StatusGroupColumn]), b => (short)b),
            Codes(selected, OrdersFrame.FulfilmentColumn), Codes(selected, OrdersFrame.ChannelColumn), Codes(selected, OrdersFrame.ServiceColumn),
            Codes(selected, OrdersFrame.CategoryColumn),
            Array.ConvertAll(FrameValues.ToArray<short>(selected[OrdersFrame.StateColumn]), c => c == noState ? (short)-1 : c),
            FrameValues.ToArray<int>(selected[OrdersFrame.QtyColumn]), Codes(selected, OrdersFrame.CurrencyColumn),
            Array.ConvertAll(amounts, a => a is { } minor ? minor / 100m : (decimal?)null),
            FrameValues.ToArray<bool>(selected[OrdersFrame.B2BColumn]), s);
    }

    /// <remarks>Null codes (a line without a currency) come out as -1: <c>DataFrame.Filter</c> copies a null as a null whose value is 0.</remarks>
    private static short[] Codes(Microsoft.Data.Analysis.DataFrame selected, string column) =>
        selected[column].NullCount == 0
            ? FrameValues.ToArray<short>(selected[column])
            : Array.ConvertAll(FrameValues.ToNullableArray<short>(selected[column]), c => c ?? -1);
}
