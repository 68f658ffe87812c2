using System.Data.Common;
using Dashboard.Core.Analytics.Frames;
using Microsoft.Data.Analysis;

namespace Dashboard.Core.Purchases;

/// <summary>
/// The columns of a <see cref="PurchasesFrame"/> while it loads: each row read into its buffers (<see cref="Read"/>), the
/// dimensions' text as dictionary codes; then the codes put in display order (<see cref="RecodeInDisplayOrder"/>) and the
/// buffers wrapped as the frame's columns without a copy (<see cref="ToFrame"/>).
/// </summary>
internal sealed class PurchaseColumns
{
    private static readonly PurchaseDimension[] Dimensions = Enum.GetValues<PurchaseDimension>();

    /// <summary>Small numbers' labels, made once rather than per row.</summary>
    private static readonly string[] Numbers = Enumerable.Range(0, 100).Select(PurchaseFilter.Invariant).ToArray();

    private readonly Dictionary<PurchaseDimension, ColumnBuffer<short>> _codes;
    private readonly Dictionary<PurchaseDimension, TextCodes> _dictionaries;
    private readonly ColumnBuffer<int> _id;
    private readonly ColumnBuffer<int> _purchase;
    private readonly ColumnBuffer<int>? _user, _product, _batch;
    private readonly ColumnBuffer<short>? _category2, _category3;
    private readonly TextCodes _products = new();

    public PurchaseColumns(int count, bool modelColumns)
    {
        _codes = Dimensions.ToDictionary(d => d, _ => new ColumnBuffer<short>(count));
        _dictionaries = Dimensions.ToDictionary(d => d, _ => new TextCodes());
        _id = new ColumnBuffer<int>(count);
        _purchase = new ColumnBuffer<int>(count);
        if (modelColumns)
        {
            (_user, _product, _batch) = (new(count), new(count), new(count));
            (_category2, _category3) = (new(count), new(count));
        }
    }

    /// <summary>The columns the query reads, in reading order; with the model columns after them when loaded for training.</summary>
    public static string SelectedColumns(bool modelColumns) =>
        "id, age_band, gender, city_category, occupation, married, stay_years, product_category_1, purchase, is_sample" +
        (modelColumns ? ", user_id, product_id, product_category_2, product_category_3, batch_id" : "");

    public int MinPurchase { get; private set; } = int.MaxValue;
    public int MaxPurchase { get; private set; } = int.MinValue;
    public bool IsSample { get; private set; }

    /// <summary>The product ids of the product column's codes (empty in the charts' frame).</summary>
    public IReadOnlyList<string> Products => _products.Names;

    /// <summary>Reads the reader's current row (its columns as <see cref="SelectedColumns"/> lists them) into row <paramref name="r"/>.</summary>
    public void Read(DbDataReader reader, int r)
    {
        _id.Values[r] = checked((int)reader.GetInt64(0));
        Code(PurchaseDimension.AgeBand, r, reader.GetString(1));
        Code(PurchaseDimension.Gender, r, reader.GetString(2));
        Code(PurchaseDimension.CityCategory, r, reader.GetString(3));
        Code(PurchaseDimension.Occupation, r, Number(reader.GetInt64(4)));
        Code(PurchaseDimension.Married, r, PurchasesFrame.MarriedLabel(reader.GetBoolean(5)));
        Code(PurchaseDimension.StayYears, r, PurchasesFrame.StayLabel(checked((int)reader.GetInt64(6))));
        Code(PurchaseDimension.ProductCategory1, r, Number(reader.GetInt64(7)));
        var p = checked((int)reader.GetInt64(8));
        _purchase.Values[r] = p;
        MinPurchase = Math.Min(MinPurchase, p);
        MaxPurchase = Math.Max(MaxPurchase, p);
        IsSample |= reader.GetBoolean(9);
        if (_user is not null)
        {
            Set(_user, r, reader.IsDBNull(10) ? null : checked((int)reader.GetInt64(10)));
            Set(_product!, r, reader.IsDBNull(11) ? null : _products.WideCode(reader.GetString(11)));
            Set(_category2!, r, reader.IsDBNull(12) ? null : checked((short)reader.GetInt64(12)));
            Set(_category3!, r, reader.IsDBNull(13) ? null : checked((short)reader.GetInt64(13)));
            _batch!.Values[r] = checked((int)reader.GetInt64(14));
        }
    }

    private void Code(PurchaseDimension dimension, int r, string label) =>
        _codes[dimension].Values[r] = _dictionaries[dimension].Code(label);

    private static string Number(long n) => n is >= 0 and < 100 ? Numbers[n] : PurchaseFilter.Invariant(checked((int)n));

    private static void Set<T>(ColumnBuffer<T> column, int row, T? value)
        where T : unmanaged
    {
        if (value is { } v)
        {
            column.Values[row] = v;
        }
        else
        {
            column.SetNull(row);
        }
    }

    /// <summary>
    /// Recodes each dimension so that codes follow display order (age bands by age, numbers numerically); returns each
    /// dimension's labels in that order.
    /// </summary>
    public Dictionary<PurchaseDimension, IReadOnlyList<string>> RecodeInDisplayOrder()
    {
        var labels = new Dictionary<PurchaseDimension, IReadOnlyList<string>>();
        foreach (var d in Dimensions)
        {
            var names = _dictionaries[d].Names;
            var ordered = Enumerable.Range(0, names.Count)
                .OrderBy(i => SortKey(d, names[i])).ThenBy(i => names[i], StringComparer.Ordinal).ToList();
            var remap = new short[ordered.Count];
            for (var i = 0; i < ordered.Count; i++)
            {
                remap[ordered[i]] = (short)i;
            }
            foreach (ref var code in _codes[d].Values)
            {
                code = remap[code];
            }
            labels[d] = ordered.Select(i => names[i]).ToList();
        }
        return labels;
    }

    private static int SortKey(PurchaseDimension d, string label) => d switch
    {
        PurchaseDimension.AgeBand => AgeBands.All.ToList().IndexOf(label) is var i and >= 0 ? i : int.MaxValue,
        PurchaseDimension.StayYears => label == "4+" ? 4 : int.TryParse(label, out var y) ? y : int.MaxValue,
        PurchaseDimension.Occupation or PurchaseDimension.ProductCategory1 => int.TryParse(label, out var n) ? n : int.MaxValue,
        _ => 0,
    };

    /// <summary>The columns as a frame: <c>id</c>, one code column per dimension, <c>purchase</c>, then the model columns.</summary>
    public DataFrame ToFrame()
    {
        List<DataFrameColumn> columns =
            [FrameColumns.Int32(PurchasesFrame.IdColumn, _id),
             .. Dimensions.Select(d => (DataFrameColumn)FrameColumns.Int16(PurchasesFrame.ColumnOf(d), _codes[d])),
             FrameColumns.Int32(PurchasesFrame.PurchaseColumn, _purchase)];
        if (_user is not null)
        {
            columns.AddRange([
                FrameColumns.Int32(PurchasesFrame.UserColumn, _user),
                FrameColumns.Int32(PurchasesFrame.ProductColumn, _product!),
                FrameColumns.Int16(PurchasesFrame.ProductCategory2Column, _category2!),
                FrameColumns.Int16(PurchasesFrame.ProductCategory3Column, _category3!),
                FrameColumns.Int32(PurchasesFrame.BatchColumn, _batch!)]);
        }
        return new DataFrame(columns);
    }
}
