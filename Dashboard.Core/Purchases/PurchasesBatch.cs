using Dashboard.Core.Analytics.Export;

namespace Dashboard.Core.Purchases;

/// <summary>One batch of the purchases download, in its columns: filled from the frame's selected rows, the IDs read after.</summary>
internal sealed class PurchasesBatch
{
    private readonly Dictionary<PurchaseDimension, short[]> _codes;
    private readonly int[] _purchases;
    private readonly DataTable _table;

    public PurchasesBatch(PurchasesFrame s, int capacity)
    {
        Ids = new int[capacity];
        Users = new long?[capacity];
        Products = new string?[capacity];
        _purchases = new int[capacity];
        _codes = Enum.GetValues<PurchaseDimension>().ToDictionary(d => d, _ => new short[capacity]);
        _table = new DataTable(0,
        [
            new Int64Column("user_id", Users),
            new TextColumn("product_id", Products),
            .. Enum.GetValues<PurchaseDimension>().Select(d => new CodedTextColumn(PurchasesFrame.ColumnOf(d), _codes[d], s.Labels[d])),
            new Int32Column("purchase", _purchases),
        ]);
    }

    /// <summary>The store row ids of the rows filled.</summary>
    public int[] Ids { get; }
    public long?[] Users { get; }
    public string?[] Products { get; }
    public int Count { get; private set; }
    public DataTable Table => _table with { Rows = Count };

    /// <summary>Fills the batch afresh with the selected rows from <paramref name="row"/> on; returns the row to go on from.</summary>
    public int Fill(PurchasesFrame s, ReadOnlyMemory<bool> selected, int row)
    {
        Count = 0;
        var mask = selected.Span;
        var ids = s.Id.Span;
        var purchases = s.Purchase.Span;
        for (; row < mask.Length && Count < Ids.Length; row++)
        {
            if (!mask[row])
            {
                continue;
            }
            Ids[Count] = ids[row];
            _purchases[Count] = purchases[row];
            foreach (var (dimension, codes) in _codes)
            {
                codes[Count] = s.Codes[dimension].Span[row];
            }
            Count++;
        }
        return row;
    }
}
