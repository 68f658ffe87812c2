using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Data;
using Microsoft.Data.Analysis;
using System.Data.Common;

namespace Dashboard.Core.Orders;

/// <summary>
/// All order lines as a Microsoft.Data.Analysis <see cref="DataFrame"/>, loaded straight from SQLite with a data
/// reader and grouped by order, so that the lines of one order are adjacent; the orders are sorted by their first day
/// (<see cref="OrderColumn"/> numbers them in that order), so that a date range is a range of rows. Text dimensions are
/// dictionary codes: an <c>Int16</c> column whose value indexes a name list (<see cref="Categories"/>, <see cref="States"/>, ...). Built once per <see cref="DataVersion"/> by
/// <see cref="OrdersFrameCache"/>. The overview's hot aggregations are one pass over the columns' buffers
/// (<see cref="OrdersScan"/>); the exports select rows with <see cref="DataFrame.Filter(PrimitiveDataFrameColumn{bool})"/>.
/// </summary>
public sealed class OrdersFrame : IOrdersData
{
    /// <summary>The currency code of a line without a currency (cancelled lines often have none).</summary>
    internal const short NoCurrency = -1;

    /// <summary>Marks a missing amount while loading (the frame's column holds a null there).</summary>
    private const long NoAmount = long.MinValue;

    public const string IdColumn = "id";
    public const string OrderColumn = "order";
    public const string DayColumn = "day";
    public const string WeekdayColumn = "weekday";
    public const string StatusGroupColumn = "status_group";
    public const string CategoryColumn = "category";
    public const string StateColumn = "state";
    public const string FulfilmentColumn = "fulfilment";
    public const string ChannelColumn = "sales_channel";
    public const string ServiceColumn = "service_level";
    public const string CurrencyColumn = "currency";
    public const string QtyColumn = "qty";
    public const string AmountColumn = "amount_minor";
    public const string B2BColumn = "b2b";

    // The model columns: only in a frame loaded for training (LoadAsync with modelColumns), not in the charts' frame.
    public const string CityColumn = "city";
    public const string SizeColumn = "size";
    public const string BatchColumn = "batch";
    public const string PromotionsColumn = "promotion_ids";

    private OrdersFrame(DataFrame frame)
    {
        Frame = frame;
        Id = FrameColumns.Single<int>(frame[IdColumn]);
        Run = FrameColumns.Single<int>(frame[OrderColumn]);
        Day = FrameColumns.Single<int>(frame[DayColumn]);
        Weekday = FrameColumns.Single<byte>(frame[WeekdayColumn]);
        Status = FrameColumns.Single<byte>(frame[StatusGroupColumn]);
        Category = FrameColumns.Single<short>(frame[CategoryColumn]);
        State = FrameColumns.Single<short>(frame[StateColumn]);
        Fulfilment = FrameColumns.Single<short>(frame[FulfilmentColumn]);
        Channel = FrameColumns.Single<short>(frame[ChannelColumn]);
        Service = FrameColumns.Single<short>(frame[ServiceColumn]);
        Currency = FrameColumns.Single<short>(frame[CurrencyColumn]);
        Qty = FrameColumns.Single<int>(frame[QtyColumn]);
        AmountMinor = FrameColumns.Single<long>(frame[AmountColumn]);
        B2B = FrameColumns.Single<bool>(frame[B2BColumn]);
        if (frame.Columns.IndexOf(CityColumn) >= 0)
        {
            City = FrameColumns.Single<int>(frame[CityColumn]);
            Size = FrameColumns.Single<short>(frame[SizeColumn]);
            Batch = FrameColumns.Single<int>(frame[BatchColumn]);
            Promotions = FrameColumns.Single<int>(frame[PromotionsColumn]);
        }
    }

    /// <summary>
    /// The lines: <c>id</c> (the store's row id), <c>order</c> (0, 1, 2… per Order ID, in the order of the orders' first
    /// days), <c>day</c> (<see cref="DateOnly.DayNumber"/>), <c>weekday</c> (<see cref="DayOfWeek"/>), <c>status_group</c>
    /// (<see cref="StatusGroup"/>), the coded text dimensions, <c>qty</c>, <c>amount_minor</c> (null when the line has
    /// no amount) and <c>b2b</c>. Read-only: the columns wrap the buffers the scans read.
    /// </summary>
    public DataFrame Frame { get; }

    public long Version { get; private init; }

    /// <summary>The store's change count (<see cref="DataVersion.ReadStored"/>) the rows were read at.</summary>
    public long StoredVersion { get; private init; }
    public int Count { get; private init; }
    public DateOnly? MinDate { get; private init; }
    public DateOnly? MaxDate { get; private init; }
    /// <summary>True when the lines are the built-in sample data.</summary>
    public bool IsSample { get; private init; }
    /// <summary>The currency most lines carry (default of money measures); null when no line has one.</summary>
    public string? MainCurrency { get; private init; }

    public IReadOnlyList<string> Categories { get; private init; } = [];
    public IReadOnlyList<string> States { get; private init; } = [];
    public IReadOnlyList<string> Fulfilments { get; private init; } = [];
    public IReadOnlyList<string> SalesChannels { get; private init; } = [];
    public IReadOnlyList<string> ServiceLevels { get; private init; } = [];
    public IReadOnlyList<string> Currencies { get; private init; } = [];

    internal ReadOnlyMemory<int> Id { get; }
    internal ReadOnlyMemory<int> Run { get; }
    internal ReadOnlyMemory<int> Day { get; }
    internal ReadOnlyMemory<byte> Weekday { get; }
    internal ReadOnlyMemory<byte> Status { get; }
    internal ReadOnlyMemory<short> Category { get; }
    internal ReadOnlyMemory<short> State { get; }
    internal ReadOnlyMemory<short> Fulfilment { get; }
    internal ReadOnlyMemory<short> Channel { get; }
    internal ReadOnlyMemory<short> Service { get; }
    internal ReadOnlyMemory<short> Currency { get; }
    internal ReadOnlyMemory<int> Qty { get; }
    internal ReadOnlyMemory<long> AmountMinor { get; }
    internal ReadOnlyMemory<bool> B2B { get; }
    internal ReadOnlyMemory<int>? City { get; }
    internal ReadOnlyMemory<short>? Size { get; }
    internal ReadOnlyMemory<int>? Batch { get; }
    internal ReadOnlyMemory<int>? Promotions { get; }

    /// <summary>The names of the model columns' codes (empty in the charts' frame).</summary>
    internal IReadOnlyList<string> Cities { get; private init; } = [];
    internal IReadOnlyList<string> Sizes { get; private init; } = [];
    internal IReadOnlyList<string> PromotionLists { get; private init; } = [];

    /// <inheritdoc/>
    public Task<bool> StreamLinesAsync(OrderFilter filter, Lines.LinesDownload download, CancellationToken cancellationToken) =>
        Lines.FrameLines.StreamAsync(this, filter, download, cancellationToken);

    /// <summary>The names of a coded text column, by column name.</summary>
    public IReadOnlyList<string> NamesOf(string column) => column switch
    {
        CategoryColumn => Categories,
        StateColumn => States,
        FulfilmentColumn => Fulfilments,
        ChannelColumn => SalesChannels,
        ServiceColumn => ServiceLevels,
        CurrencyColumn => Currencies,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a coded text column"),
    };

    public static Task<OrdersFrame> LoadAsync(DashboardDbContext db, long version, CancellationToken cancellationToken = default) =>
        LoadAsync(db, version, modelColumns: false, cancellationToken);

    /// <summary>
    /// Loads the frame; with <paramref name="modelColumns"/> it also holds what the models read and the charts do not:
    /// city, size, batch and the promotion-ids text (as codes), for training. The charts' frame
    /// (<see cref="OrdersFrameCache"/>) leaves them out, so that it stays small.
    /// </summary>
    public static Task<OrdersFrame> LoadAsync(DashboardDbContext db, long version, bool modelColumns, CancellationToken cancellationToken = default) =>
        FrameStore.ReadAsync(db, (connection, transaction, storedVersion) =>
            LoadFrameAsync(connection, transaction, version, storedVersion, modelColumns, cancellationToken), cancellationToken);

    internal static async Task<OrdersFrame> LoadFrameAsync(DbConnection connection, DbTransaction transaction, long version, long storedVersion,
        bool modelColumns, CancellationToken cancellationToken)
    {
        var count = await FrameStore.CountAsync(connection, transaction, "SELECT COUNT(*) FROM order_lines;", cancellationToken);

        // Read in row order (a table scan), then group the lines of each order together in memory: reading in Order ID
        // order through the unique index was three times slower (random row look-ups; LoadBenchmark measures both).
        var staged = new StagedLines(count, modelColumns);
        var orders = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new TextCodes();
        var states = new TextCodes();
        var fulfilments = new TextCodes();
        var channels = new TextCodes();
        var services = new TextCodes();
        var currencies = new TextCodes();
        var cities = new TextCodes();
        var sizes = new TextCodes();
        var promotionLists = new TextCodes();
        var statusGroups = Enum.GetValues<StatusGroup>().ToDictionary(g => g.ToString(), g => (byte)g, StringComparer.Ordinal);

        var sample = false;
        var minDay = int.MaxValue;
        var maxDay = int.MinValue;
        var r = 0;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = modelColumns
                ? """
                  SELECT l.id, l.order_id, l.order_date, l.status_group, l.category, l.state, l.fulfilment, l.sales_channel,
                         l.service_level, l.currency, l.qty, l.amount_minor, l.b2b, l.is_sample, l.city, l.size, l.batch_id, p.ids
                  FROM order_lines l LEFT JOIN promotion_lists p ON p.id = l.promotion_list_id;
                  """
                : """
                  SELECT id, order_id, order_date, status_group, category, state, fulfilment, sales_channel, service_level,
                         currency, qty, amount_minor, b2b, is_sample
                  FROM order_lines;
                  """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (r == count)
                {
                    throw new InvalidOperationException("order_lines changed inside a read transaction.");
                }
                var orderId = reader.GetString(1);
                if (!orders.TryGetValue(orderId, out var order))
                {
                    order = orders.Count;
                    orders.Add(orderId, order);
                }
                staged.Order[r] = order;
                staged.Id[r] = checked((int)reader.GetInt64(0));
                var date = ParseDate(reader.GetString(2));
                staged.Day[r] = date.DayNumber;
                minDay = Math.Min(minDay, date.DayNumber);
                maxDay = Math.Max(maxDay, date.DayNumber);
                staged.Status[r] = statusGroups[reader.GetString(3)];
                staged.Category[r] = categories.Code(reader.GetString(4));
                staged.State[r] = states.Code(reader.IsDBNull(5) ? "" : reader.GetString(5));
                staged.Fulfilment[r] = fulfilments.Code(reader.GetString(6));
                staged.Channel[r] = channels.Code(reader.GetString(7));
                staged.Service[r] = services.Code(reader.GetString(8));
                staged.Currency[r] = reader.IsDBNull(9) ? NoCurrency : currencies.Code(reader.GetString(9));
                staged.Qty[r] = checked((int)reader.GetInt64(10));
                staged.Amount[r] = reader.IsDBNull(11) ? NoAmount : reader.GetInt64(11);
                staged.B2B[r] = reader.GetBoolean(12);
                sample |= reader.GetBoolean(13);
                if (modelColumns)
                {
                    staged.City![r] = reader.IsDBNull(14) ? NoCode : cities.WideCode(reader.GetString(14));
                    staged.Size![r] = sizes.Code(reader.GetString(15));
                    staged.Batch![r] = checked((int)reader.GetInt64(16));
                    staged.Promotions![r] = reader.IsDBNull(17) ? NoCode : promotionLists.WideCode(reader.GetString(17));
                }
                r++;
            }
        }
        if (r != count)
        {
            throw new InvalidOperationException("order_lines changed inside a read transaction.");
        }
        var orderCount = orders.Count;
        orders.Clear();
        orders.TrimExcess();
        if (count == 0)
        {
            minDay = maxDay = 0;
        }

        // The orders sorted by their first day (ties in the order of first appearance), and each line's place: the
        // lines of one order stay adjacent, and a date range is a range of rows (RowsBetween), so a scan of one week
        // reads one week of lines.
        var firstDay = new int[orderCount];
        var lastDay = new int[orderCount];
        Array.Fill(firstDay, int.MaxValue);
        Array.Fill(lastDay, int.MinValue);
        var linesOf = new int[orderCount];
        for (var row = 0; row < count; row++)
        {
            var o = staged.Order[row];
            firstDay[o] = Math.Min(firstDay[o], staged.Day[row]);
            lastDay[o] = Math.Max(lastDay[o], staged.Day[row]);
            linesOf[o]++;
        }
        var spanDays = maxDay - minDay + 1;
        var rowsFromDay = new int[spanDays + 1];
        var ordersFromDay = new int[spanDays + 1];
        var longestOrder = 0;
        for (var o = 0; o < orderCount; o++)
        {
            rowsFromDay[firstDay[o] - minDay + 1] += linesOf[o];
            ordersFromDay[firstDay[o] - minDay + 1]++;
            longestOrder = Math.Max(longestOrder, lastDay[o] - firstDay[o]);
        }
        for (var d = 1; d <= spanDays; d++)
        {
            rowsFromDay[d] += rowsFromDay[d - 1];
            ordersFromDay[d] += ordersFromDay[d - 1];
        }
        // rank[o]: the order's number in the frame; next[rank]: where its next line goes.
        var rank = new int[orderCount];
        var nextOrder = (int[])ordersFromDay.Clone();
        var next = new int[orderCount + 1];
        for (var o = 0; o < orderCount; o++)
        {
            var k = nextOrder[firstDay[o] - minDay]++;
            rank[o] = k;
            next[k + 1] = linesOf[o];
        }
        for (var k = 1; k <= orderCount; k++)
        {
            next[k] += next[k - 1];
        }

        var id = new ColumnBuffer<int>(count);
        var run = new ColumnBuffer<int>(count);
        var day = new ColumnBuffer<int>(count);
        var weekday = new ColumnBuffer<byte>(count);
        var status = new ColumnBuffer<byte>(count);
        var category = new ColumnBuffer<short>(count);
        var state = new ColumnBuffer<short>(count);
        var fulfilment = new ColumnBuffer<short>(count);
        var channel = new ColumnBuffer<short>(count);
        var service = new ColumnBuffer<short>(count);
        var currency = new ColumnBuffer<short>(count);
        var qty = new ColumnBuffer<int>(count);
        var amount = new ColumnBuffer<long>(count);
        var b2b = new ColumnBuffer<bool>(count);
        var city = modelColumns ? new ColumnBuffer<int>(count) : null;
        var size = modelColumns ? new ColumnBuffer<short>(count) : null;
        var batch = modelColumns ? new ColumnBuffer<int>(count) : null;
        var promotions = modelColumns ? new ColumnBuffer<int>(count) : null;
        for (var row = 0; row < count; row++)
        {
            var o = rank[staged.Order[row]];
            var at = next[o]++;
            id.Values[at] = staged.Id[row];
            run.Values[at] = o;
            day.Values[at] = staged.Day[row];
            weekday.Values[at] = (byte)((staged.Day[row] + 1) % 7); // day number 0 (1 January 0001) was a Monday
            status.Values[at] = staged.Status[row];
            category.Values[at] = staged.Category[row];
            state.Values[at] = staged.State[row];
            fulfilment.Values[at] = staged.Fulfilment[row];
            channel.Values[at] = staged.Channel[row];
            service.Values[at] = staged.Service[row];
            currency.Values[at] = staged.Currency[row];
            if (staged.Currency[row] == NoCurrency)
            {
                currency.SetNull(at);
            }
            qty.Values[at] = staged.Qty[row];
            if (staged.Amount[row] == NoAmount)
            {
                amount.SetNull(at);
            }
            else
            {
                amount.Values[at] = staged.Amount[row];
            }
            b2b.Values[at] = staged.B2B[row];
            if (modelColumns)
            {
                SetCode(city!, at, staged.City![row]);
                size!.Values[at] = staged.Size![row];
                batch!.Values[at] = staged.Batch![row];
                SetCode(promotions!, at, staged.Promotions![row]);
            }
        }

        var currencyNames = currencies.Names;
        var currencyCounts = new int[currencyNames.Count];
        foreach (var c in currency.Values)
        {
            if (c != NoCurrency)
            {
                currencyCounts[c]++;
            }
        }
        var main = currencyNames.Count == 0 ? null : currencyNames[Array.IndexOf(currencyCounts, currencyCounts.Max())];

        List<DataFrameColumn> columns = [
            FrameColumns.Int32(IdColumn, id),
            FrameColumns.Int32(OrderColumn, run),
            FrameColumns.Int32(DayColumn, day),
            FrameColumns.Byte(WeekdayColumn, weekday),
            FrameColumns.Byte(StatusGroupColumn, status),
            FrameColumns.Int16(CategoryColumn, category),
            FrameColumns.Int16(StateColumn, state),
            FrameColumns.Int16(FulfilmentColumn, fulfilment),
            FrameColumns.Int16(ChannelColumn, channel),
            FrameColumns.Int16(ServiceColumn, service),
            FrameColumns.Int16(CurrencyColumn, currency),
            FrameColumns.Int32(QtyColumn, qty),
            FrameColumns.Int64(AmountColumn, amount),
            FrameColumns.Boolean(B2BColumn, b2b)];
        if (modelColumns)
        {
            columns.AddRange([
                FrameColumns.Int32(CityColumn, city!),
                FrameColumns.Int16(SizeColumn, size!),
                FrameColumns.Int32(BatchColumn, batch!),
                FrameColumns.Int32(PromotionsColumn, promotions!)]);
        }
        var frame = new DataFrame(columns);

        return new OrdersFrame(frame)
        {
            Version = version,
            StoredVersion = storedVersion,
            Count = count,
            MinDate = count == 0 ? null : DateOnly.FromDayNumber(minDay),
            FirstDayNumber = minDay,
            RowsFromDay = rowsFromDay,
            LongestOrderDays = longestOrder,
            MaxDate = count == 0 ? null : DateOnly.FromDayNumber(maxDay),
            IsSample = sample,
            MainCurrency = main,
            Categories = categories.Names,
            States = states.Names,
            Fulfilments = fulfilments.Names,
            SalesChannels = channels.Names,
            ServiceLevels = services.Names,
            Currencies = currencyNames,
            Cities = cities.Names,
            Sizes = sizes.Names,
            PromotionLists = promotionLists.Names,
        };
    }

    /// <summary>A null code for a missing text in an <c>Int32</c> code column (the column holds a null there).</summary>
    private const int NoCode = -1;

    private static void SetCode(ColumnBuffer<int> column, int row, int code)
    {
        column.Values[row] = code;
        if (code == NoCode)
        {
            column.SetNull(row);
        }
    }

    /// <summary>
    /// The lines as the models read them, in store order (by id), from a frame loaded with its model columns. A model
    /// line carries what the features, the labels and the split read; the identity text the frame does not keep
    /// (order id, SKU, raw status, style, ASIN) is empty.
    /// </summary>
    /// <remarks><paramref name="keep"/> picks lines by status group and amount (null when the line has none).</remarks>
    internal List<OrderLine> ModelLines(Func<StatusGroup, long?, bool> keep)
    {
        if (City is not { } cityCodes || Size is not { } sizeCodes || Batch is not { } batches || Promotions is not { } promotionCodes)
        {
            throw new InvalidOperationException("This frame was loaded without its model columns.");
        }
        var ids = Id.Span;
        var days = Day.Span;
        var statuses = Status.Span;
        var amounts = AmountMinor.Span;
        var amountColumn = Frame[AmountColumn];
        var lines = new List<OrderLine>();
        for (var r = 0; r < Count; r++)
        {
            var group = (StatusGroup)statuses[r];
            long? amount = amountColumn.IsValid(r) ? amounts[r] : null;
            if (!keep(group, amount))
            {
                continue;
            }
            var cityCode = cityCodes.Span[r];
            var currencyCode = Currency.Span[r];
            var promotionCode = promotionCodes.Span[r];
            lines.Add(new OrderLine
            {
                Id = ids[r],
                OrderId = "",
                Sku = "",
                Status = "",
                Style = "",
                Asin = "",
                Date = DateOnly.FromDayNumber(days[r]),
                StatusGroup = group,
                Category = Categories[Category.Span[r]],
                State = States[State.Span[r]] is { Length: > 0 } state ? state : null,
                City = cityCode == NoCode ? null : Cities[cityCode],
                Size = Sizes[sizeCodes.Span[r]],
                Fulfilment = Fulfilments[Fulfilment.Span[r]],
                SalesChannel = SalesChannels[Channel.Span[r]],
                ServiceLevel = ServiceLevels[Service.Span[r]],
                B2B = B2B.Span[r],
                Qty = Qty.Span[r],
                Currency = currencyCode == NoCurrency ? null : Currencies[currencyCode],
                AmountMinor = amount,
                BatchId = batches.Span[r],
                PromotionIds = promotionCode == NoCode ? null : PromotionLists[promotionCode],
                IsSample = IsSample,
            });
        }
        lines.Sort((a, b) => a.Id.CompareTo(b.Id));
        return lines;
    }

    /// <summary>Day number of the earliest line (0 in an empty frame).</summary>
    private int FirstDayNumber { get; init; }

    /// <summary>[d]: the first row of the orders whose first day is <see cref="FirstDayNumber"/> + d or later.</summary>
    private int[] RowsFromDay { get; init; } = [0];

    /// <summary>The most days between the first and the last line of one order (0 when each order has one date).</summary>
    private int LongestOrderDays { get; init; }

    /// <summary>
    /// The rows that can hold lines dated <paramref name="fromDay"/> to <paramref name="toDay"/> (day numbers,
    /// inclusive): the orders whose first day is no more than <see cref="LongestOrderDays"/> before the range and not
    /// after it. A scan still tests each row's day; outside these rows no line is in the range.
    /// </summary>
    internal (int Start, int End) RowsBetween(int fromDay, int toDay)
    {
        var days = RowsFromDay.Length - 1;
        var from = Math.Clamp((long)fromDay - LongestOrderDays - FirstDayNumber, 0, days);
        var to = Math.Clamp((long)toDay - FirstDayNumber + 1, 0, days);
        return from >= to ? (0, 0) : (RowsFromDay[from], RowsFromDay[to]);
    }

    /// <summary>The store writes dates as <c>yyyy-MM-dd</c> (SQLite gives them back as text).</summary>
    internal static DateOnly ParseDate(string text)
    {
        if (text.Length < 10 || text[4] != '-' || text[7] != '-')
        {
            throw new FormatException($"'{text}' is not a stored date (yyyy-MM-dd).");
        }
        static int D(char c) => (uint)(c - '0') <= 9 ? c - '0' : throw new FormatException("not a digit");
        return new DateOnly(
            D(text[0]) * 1000 + D(text[1]) * 100 + D(text[2]) * 10 + D(text[3]),
            D(text[5]) * 10 + D(text[6]),
            D(text[8]) * 10 + D(text[9]));
    }
}
