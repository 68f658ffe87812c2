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
    public string Source => "in memory";
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
    public Task<bool> StreamLinesAsync(Rows.RowsRequest request, Lines.LinesDownload download, CancellationToken cancellationToken) =>
        request.Prefix is null && Rows.FrameRows.CanSort(request.Sort)
            ? Lines.FrameLines.StreamAsync(this, request, download, cancellationToken)
            : Lines.StoreLines.StreamAsync(this, request, download, cancellationToken);

    /// <summary>The page sorted in the frame (<see cref="Rows.FrameRows.Page"/>), as store ids.</summary>
    int[]? IOrdersData.PageIds(CompiledFilter f, DateRange range, Rows.RowsRequest request) =>
        Rows.FrameRows.Page(this, f, range, request) is { } rows ? Array.ConvertAll(rows, r => Id.Span[r]) : null;

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

    /// <summary>
    /// The frame in three steps: the lines read in row order (<see cref="StagedLinesReader"/>), placed so that the lines
    /// of an order are adjacent and the orders follow their first day (<see cref="OrderPlacement"/>), and copied into
    /// the frame's columns in that order (<see cref="OrderColumns"/>).
    /// </summary>
    internal static async Task<OrdersFrame> LoadFrameAsync(DbConnection connection, DbTransaction transaction, long version, long storedVersion,
        bool modelColumns, CancellationToken cancellationToken)
    {
        var count = await FrameStore.CountAsync(connection, transaction, "SELECT COUNT(*) FROM order_lines;", cancellationToken);
        var staged = await StagedLinesReader.ReadAsync(connection, transaction, count, modelColumns, cancellationToken);
        var placement = new OrderPlacement(staged);
        var columns = new OrderColumns(staged, placement);
        var codes = staged.Codes;
        return new OrdersFrame(columns.ToFrame())
        {
            Version = version,
            StoredVersion = storedVersion,
            Count = count,
            MinDate = count == 0 ? null : DateOnly.FromDayNumber(staged.MinDay),
            FirstDayNumber = staged.MinDay,
            RowsFromDay = placement.RowsFromDay,
            LongestOrderDays = placement.LongestOrderDays,
            MaxDate = count == 0 ? null : DateOnly.FromDayNumber(staged.MaxDay),
            IsSample = staged.IsSample,
            MainCurrency = columns.MainCurrency(codes.Currencies.Names),
            Categories = codes.Categories.Names,
            States = codes.States.Names,
            Fulfilments = codes.Fulfilments.Names,
            SalesChannels = codes.Channels.Names,
            ServiceLevels = codes.Services.Names,
            Currencies = codes.Currencies.Names,
            Cities = codes.Cities.Names,
            Sizes = codes.Sizes.Names,
            PromotionLists = codes.PromotionLists.Names,
        };
    }

    /// <summary>A null code for a missing text in an <c>Int32</c> code column (the column holds a null there).</summary>
    internal const int NoCode = -1;

    /// <summary>The fused pass over the frame's buffers (<see cref="OrdersScan.Overview"/>).</summary>
    Task<OverviewGroups?> IOrdersData.OverviewAsync(CompiledFilter f, OverviewLayout layout, CancellationToken cancellationToken) =>
        Task.FromResult<OverviewGroups?>(OrdersScan.Overview(this, f, layout));

    /// <summary>One scan of the lines per request (<see cref="OrdersScan.Run"/>).</summary>
    /// <remarks>The cast matters: a bare <c>null</c> arm would give the switch the type ReadOnlyMemory&lt;short&gt; (null as an
    /// empty array), and every request would be grouped by that empty column.</remarks>
    Task<IReadOnlyList<GroupMeasures>?> IOrdersData.MeasureAsync(CompiledFilter f, IReadOnlyList<MeasuresRequest> requests, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupMeasures>?>(requests.Select(q => OrdersScan.Run(
            this, f, Ignore.None, q.Range.From.DayNumber, q.Range.To.DayNumber, q.Keys,
            keyOfRow: q.By switch { LineGrouping.Category => Category, LineGrouping.State => State, _ => (ReadOnlyMemory<short>?)null },
            keyOfDay: q.By == LineGrouping.Day ? q.KeyOfDay : null, firstDay: q.Range.From.DayNumber)).ToList());

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
