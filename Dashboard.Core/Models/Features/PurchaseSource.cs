using System.Globalization;
using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Purchases;
using Microsoft.Data.Analysis;

namespace Dashboard.Core.Models.Features;

/// <summary>
/// The labelled purchases the purchase model learns from, column by column as the purchases frame holds them (<see cref="From"/>
/// wraps the frame's buffers; nothing is copied): each attribute a coded column whose names are the frame's labels (stay "4+",
/// "Married" / "Single"; product categories 2 and 3 their numbers), the user id with its validity bits, the amount and the batch.
/// </summary>
public sealed class PurchaseSource
{
    public required int Count { get; init; }
    /// <summary>The store's row id; the rows are in this order.</summary>
    public required ReadOnlyMemory<int> Id { get; init; }
    public required ReadOnlyMemory<int> Purchase { get; init; }
    public required ReadOnlyMemory<int> Batch { get; init; }
    public required ReadOnlyMemory<int> UserId { get; init; }
    /// <summary>Validity bits of <see cref="UserId"/> (see <see cref="CodedColumn"/>); empty when every row has one.</summary>
    public required ReadOnlyMemory<byte> UserValid { get; init; }
    public required CodedColumn Product { get; init; }
    public required CodedColumn Gender { get; init; }
    public required CodedColumn AgeBand { get; init; }
    public required CodedColumn Occupation { get; init; }
    public required CodedColumn CityCategory { get; init; }
    public required CodedColumn StayYears { get; init; }
    public required CodedColumn Married { get; init; }
    public required CodedColumn ProductCategory1 { get; init; }
    public required CodedColumn ProductCategory2 { get; init; }
    public required CodedColumn ProductCategory3 { get; init; }

    /// <summary>The frame's own columns; the frame must have been loaded with its model columns.</summary>
    internal static PurchaseSource From(PurchasesFrame frame)
    {
        if (frame.Frame.Columns.IndexOf(PurchasesFrame.UserColumn) < 0)
            throw new InvalidOperationException("This frame was loaded without its model columns.");
        CodedColumn Coded(PurchaseDimension d) => new(frame.Codes[d], frame.Labels[d]);
        var users = (PrimitiveDataFrameColumn<int>)frame.Frame[PurchasesFrame.UserColumn];
        var products = (PrimitiveDataFrameColumn<int>)frame.Frame[PurchasesFrame.ProductColumn];
        return new PurchaseSource
        {
            Count = frame.Count,
            Id = frame.Id,
            Purchase = frame.Purchase,
            Batch = FrameColumns.Single<int>(frame.Frame[PurchasesFrame.BatchColumn]),
            UserId = FrameColumns.Single<int>(users),
            UserValid = Validity(users),
            Product = new CodedColumn(FrameColumns.Single<int>(products), frame.Products, Validity(products)),
            Gender = Coded(PurchaseDimension.Gender),
            AgeBand = Coded(PurchaseDimension.AgeBand),
            Occupation = Coded(PurchaseDimension.Occupation),
            CityCategory = Coded(PurchaseDimension.CityCategory),
            StayYears = Coded(PurchaseDimension.StayYears),
            Married = Coded(PurchaseDimension.Married),
            ProductCategory1 = Coded(PurchaseDimension.ProductCategory1),
            ProductCategory2 = Numbers((PrimitiveDataFrameColumn<short>)frame.Frame[PurchasesFrame.ProductCategory2Column]),
            ProductCategory3 = Numbers((PrimitiveDataFrameColumn<short>)frame.Frame[PurchasesFrame.ProductCategory3Column]),
        };
    }

    public int? User(int row) =>
        UserValid.IsEmpty || (UserValid.Span[row >> 3] & (1 << (row & 7))) != 0 ? UserId.Span[row] : null;

    /// <summary>The labels' values: a number's text, stay "4+" as 4 years (as the import stores it), "Married" as married.</summary>
    public static int Number(string label) => label == PurchasesFrame.StayLabel(4) ? 4 : int.Parse(label, CultureInfo.InvariantCulture);

    public static bool IsMarried(string label) => label == PurchasesFrame.MarriedLabel(true);

    /// <summary>The row as a single request asks it (for a sample of requests: what-if latency, residuals).</summary>
    public PurchaseInput Input(int row) => new()
    {
        UserId = User(row),
        ProductId = Product.Text(row),
        Gender = Gender.Text(row),
        AgeBand = AgeBand.Text(row),
        Occupation = Number(Occupation.Text(row)!),
        CityCategory = CityCategory.Text(row),
        StayYears = Number(StayYears.Text(row)!),
        Married = IsMarried(Married.Text(row)!),
        ProductCategory1 = Number(ProductCategory1.Text(row)!),
        ProductCategory2 = ProductCategory2.Text(row) is { } c2 ? Number(c2) : null,
        ProductCategory3 = ProductCategory3.Text(row) is { } c3 ? Number(c3) : null,
    };

    /// <summary>A nullable number column as a coded one: the value is its code, and the names are the numbers' text.</summary>
    private static CodedColumn Numbers(PrimitiveDataFrameColumn<short> column)
    {
        var values = FrameColumns.Single<short>(column);
        var max = -1;
        foreach (var v in values.Span)
            max = Math.Max(max, v);
        var names = Enumerable.Range(0, max + 1).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new CodedColumn(values, names, Validity(column));
    }

    private static ReadOnlyMemory<byte> Validity<T>(PrimitiveDataFrameColumn<T> column) where T : unmanaged =>
        column.NullCount == 0 ? default : column.GetReadOnlyNullBitMapBuffers().Single();
}
