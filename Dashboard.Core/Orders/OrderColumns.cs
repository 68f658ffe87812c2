using Dashboard.Core.Analytics.Frames;
using Microsoft.Data.Analysis;

namespace Dashboard.Core.Orders;

/// <summary>
/// The frame's columns, filled from <see cref="StagedLines"/> in the order <see cref="OrderPlacement"/> gives each line:
/// one buffer per column, allocated once at its final size and wrapped by the <see cref="DataFrame"/> without a copy.
/// </summary>
internal sealed class OrderColumns
{
    private readonly ColumnBuffer<int> _id, _run, _day, _qty;
    private readonly ColumnBuffer<byte> _weekday, _status;
    private readonly ColumnBuffer<short> _category, _state, _fulfilment, _channel, _service, _currency;
    private readonly ColumnBuffer<long> _amount;
    private readonly ColumnBuffer<bool> _b2b;
    private readonly ColumnBuffer<int>? _city, _batch, _promotions;
    private readonly ColumnBuffer<short>? _size;

    public OrderColumns(StagedLines staged, OrderPlacement placement)
    {
        var count = staged.Count;
        (_id, _run, _day, _qty) = (new(count), new(count), new(count), new(count));
        (_weekday, _status) = (new(count), new(count));
        (_category, _state, _fulfilment, _channel, _service, _currency) = (new(count), new(count), new(count), new(count), new(count), new(count));
        _amount = new(count);
        _b2b = new(count);
        if (staged.HasModelColumns)
        {
            (_city, _size, _batch, _promotions) = (new(count), new(count), new(count), new(count));
        }
        for (var row = 0; row < count; row++)
        {
            var (o, at) = placement.Place(staged.Order[row]);
            _run.Values[at] = o;
            Fill(staged, row, at);
        }
    }

    private void Fill(StagedLines staged, int row, int at)
    {
        _id.Values[at] = staged.Id[row];
        _day.Values[at] = staged.Day[row];
        _weekday.Values[at] = (byte)((staged.Day[row] + 1) % 7); // day number 0 (1 January 0001) was a Monday
        _status.Values[at] = staged.Status[row];
        _category.Values[at] = staged.Category[row];
        _state.Values[at] = staged.State[row];
        _fulfilment.Values[at] = staged.Fulfilment[row];
        _channel.Values[at] = staged.Channel[row];
        _service.Values[at] = staged.Service[row];
        _currency.Values[at] = staged.Currency[row];
        if (staged.Currency[row] == OrdersFrame.NoCurrency)
        {
            _currency.SetNull(at);
        }
        _qty.Values[at] = staged.Qty[row];
        if (staged.Amount[row] == StagedLinesReader.NoAmount)
        {
            _amount.SetNull(at);
        }
        else
        {
            _amount.Values[at] = staged.Amount[row];
        }
        _b2b.Values[at] = staged.B2B[row];
        if (staged.HasModelColumns)
        {
            SetCode(_city!, at, staged.City![row]);
            _size!.Values[at] = staged.Size![row];
            _batch!.Values[at] = staged.Batch![row];
            SetCode(_promotions!, at, staged.Promotions![row]);
        }
    }

    private static void SetCode(ColumnBuffer<int> column, int row, int code)
    {
        column.Values[row] = code;
        if (code == OrdersFrame.NoCode)
        {
            column.SetNull(row);
        }
    }

    /// <summary>The currency most lines carry (of two with as many, the first coded); null when no line has one.</summary>
    public string? MainCurrency(IReadOnlyList<string> currencyNames)
    {
        var currencyCounts = new int[currencyNames.Count];
        foreach (var c in _currency.Values)
        {
            if (c != OrdersFrame.NoCurrency)
            {
                currencyCounts[c]++;
            }
        }
        return currencyNames.Count == 0 ? null : currencyNames[Array.IndexOf(currencyCounts, currencyCounts.Max())];
    }

    /// <summary>The columns as a frame, named as <see cref="OrdersFrame"/>'s constants say, the model columns last.</summary>
    public DataFrame ToFrame()
    {
        List<DataFrameColumn> columns = [
            FrameColumns.Int32(OrdersFrame.IdColumn, _id),
            FrameColumns.Int32(OrdersFrame.OrderColumn, _run),
            FrameColumns.Int32(OrdersFrame.DayColumn, _day),
            FrameColumns.Byte(OrdersFrame.WeekdayColumn, _weekday),
            FrameColumns.Byte(OrdersFrame.StatusGroupColumn, _status),
            FrameColumns.Int16(OrdersFrame.CategoryColumn, _category),
            FrameColumns.Int16(OrdersFrame.StateColumn, _state),
            FrameColumns.Int16(OrdersFrame.FulfilmentColumn, _fulfilment),
            FrameColumns.Int16(OrdersFrame.ChannelColumn, _channel),
            FrameColumns.Int16(OrdersFrame.ServiceColumn, _service),
            FrameColumns.Int16(OrdersFrame.CurrencyColumn, _currency),
            FrameColumns.Int32(OrdersFrame.QtyColumn, _qty),
            FrameColumns.Int64(OrdersFrame.AmountColumn, _amount),
            FrameColumns.Boolean(OrdersFrame.B2BColumn, _b2b)];
        if (_city is not null)
        {
            columns.AddRange([
                FrameColumns.Int32(OrdersFrame.CityColumn, _city),
                FrameColumns.Int16(OrdersFrame.SizeColumn, _size!),
                FrameColumns.Int32(OrdersFrame.BatchColumn, _batch!),
                FrameColumns.Int32(OrdersFrame.PromotionsColumn, _promotions!)]);
        }
        return new DataFrame(columns);
    }
}
