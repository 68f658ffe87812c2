using Dashboard.Core.Analytics.Export;

namespace Dashboard.Core.Orders.Lines;

/// <summary>
/// One batch of a download's order lines, in the download's columns and order: filled row by row by either path (the
/// frame's or the store's), handed to the writer when full, then filled again in the same buffers.
/// </summary>
internal sealed class LinesBatch
{
    private readonly ITableWriter _writer;
    private readonly DataTable _table;
    private bool _written;

    public LinesBatch(IOrdersData s, LinesDownload download)
    {
        _writer = download.Writer;
        Capacity = download.BatchRows;
        OrderId = new string?[Capacity];
        Sku = new string?[Capacity];
        Status = new string?[Capacity];
        Size = new string?[Capacity];
        City = new string?[Capacity];
        Date = new DateOnly[Capacity];
        StatusGroup = new short[Capacity];
        Fulfilment = new short[Capacity];
        Channel = new short[Capacity];
        Service = new short[Capacity];
        Category = new short[Capacity];
        State = new short[Capacity];
        Qty = new int[Capacity];
        Currency = new short[Capacity];
        Amount = new decimal?[Capacity];
        B2B = new bool[Capacity];
        _table = new DataTable(0,
        [
            new TextColumn("order_id", OrderId),
            new TextColumn("sku", Sku),
            new DateColumn("date", Date),
            new TextColumn("status", Status),
            new CodedTextColumn("status_group", StatusGroup, Enum.GetNames<StatusGroup>()),
            new CodedTextColumn("fulfilment", Fulfilment, s.Fulfilments),
            new CodedTextColumn("sales_channel", Channel, s.SalesChannels),
            new CodedTextColumn("service_level", Service, s.ServiceLevels),
            new CodedTextColumn("category", Category, s.Categories),
            new TextColumn("size", Size),
            new CodedTextColumn("state", State, s.States),
            new TextColumn("city", City),
            new Int32Column("qty", Qty),
            new CodedTextColumn("currency", Currency, s.Currencies),
            new MoneyColumn("amount", Amount),
            new BooleanColumn("b2b", B2B),
        ]);
    }

    public int Capacity { get; }

    /// <summary>The rows filled so far.</summary>
    public int Count { get; set; }

    public bool Full => Count == Capacity;

    // The columns; a coded column's negative code is null.
    public string?[] OrderId { get; }
    public string?[] Sku { get; }
    public string?[] Status { get; }
    public string?[] Size { get; }
    public string?[] City { get; }
    public DateOnly[] Date { get; }
    public short[] StatusGroup { get; }
    public short[] Fulfilment { get; }
    public short[] Channel { get; }
    public short[] Service { get; }
    public short[] Category { get; }
    public short[] State { get; }
    public int[] Qty { get; }
    public short[] Currency { get; }
    public decimal?[] Amount { get; }
    public bool[] B2B { get; }

    /// <summary>Hands the filled rows to the writer and starts again.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writer.WriteAsync(_table with { Rows = Count }, cancellationToken);
        _written = true;
        Count = 0;
    }

    /// <summary>Hands the last rows over: also when there are none and nothing was handed yet, so that the file has its columns.</summary>
    public Task FinishAsync(CancellationToken cancellationToken) =>
        Count > 0 || !_written ? FlushAsync(cancellationToken) : Task.CompletedTask;
}
