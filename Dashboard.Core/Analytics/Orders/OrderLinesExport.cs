using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Data;
using Dashboard.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Analytics.Orders;

/// <summary>
/// The order lines an <see cref="OrderFilter"/> selects, as typed columns for the Parquet and Arrow downloads: the
/// rows are the frame's (<see cref="OrdersScan.Select"/>, then <c>DataFrame.Filter</c>), the lines of an order together; the free
/// text the frame does not keep (order ID, SKU, raw status, size, city) is read from the store by row id.
/// </summary>
public sealed class OrderLinesExport(OrdersFrameCache frames, IDbContextFactory<DashboardDbContext> contexts, DashboardStore store,
    DataVersion dataVersion)
{
    public Task<DataTable> GetAsync(OrderFilter filter, CancellationToken cancellationToken = default) =>
        StoreText.ExportAsync(frames.GetAsync, s => s.StoredVersion, s => BuildAsync(s, filter, cancellationToken), store, dataVersion, cancellationToken);

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

        return new DataTable(rows,
        [
            new TextColumn("order_id", text[0]),
            new TextColumn("sku", text[1]),
            new DateColumn("date", Array.ConvertAll(days, DateOnly.FromDayNumber)),
            new TextColumn("status", text[2]),
            new CodedTextColumn("status_group", Array.ConvertAll(FrameValues.ToArray<byte>(selected[OrdersFrame.StatusGroupColumn]), b => (short)b), Enum.GetNames<StatusGroup>()),
            Coded(selected, OrdersFrame.FulfilmentColumn, "fulfilment", s.Fulfilments),
            Coded(selected, OrdersFrame.ChannelColumn, "sales_channel", s.SalesChannels),
            Coded(selected, OrdersFrame.ServiceColumn, "service_level", s.ServiceLevels),
            Coded(selected, OrdersFrame.CategoryColumn, "category", s.Categories),
            new TextColumn("size", text[3]),
            new CodedTextColumn("state", Array.ConvertAll(FrameValues.ToArray<short>(selected[OrdersFrame.StateColumn]), c => c == noState ? (short)-1 : c), s.States),
            new TextColumn("city", text[4]),
            new Int32Column("qty", FrameValues.ToArray<int>(selected[OrdersFrame.QtyColumn])),
            Coded(selected, OrdersFrame.CurrencyColumn, "currency", s.Currencies),
            new MoneyColumn("amount", Array.ConvertAll(amounts, a => a is { } minor ? minor / 100m : (decimal?)null)),
            new BooleanColumn("b2b", FrameValues.ToArray<bool>(selected[OrdersFrame.B2BColumn])),
        ]);
    }

    /// <remarks>Null codes (a line without a currency) come out as -1: <c>DataFrame.Filter</c> copies a null as a null whose value is 0.</remarks>
    private static CodedTextColumn Coded(Microsoft.Data.Analysis.DataFrame selected, string column, string name, IReadOnlyList<string> names) =>
        selected[column].NullCount == 0
            ? new(name, FrameValues.ToArray<short>(selected[column]), names)
            : new(name, Array.ConvertAll(FrameValues.ToNullableArray<short>(selected[column]), c => c ?? -1), names);
}
