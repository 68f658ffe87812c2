using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Data;
using Microsoft.Data.Analysis;
using System.Data.Common;

namespace Dashboard.Core.Purchases;

/// <summary>
/// The labelled purchase transactions (those with a Purchase amount) as a Microsoft.Data.Analysis
/// <see cref="DataFrame"/>, loaded straight from SQLite with a data reader. Each dimension is an <c>Int16</c> code
/// column indexing its <see cref="Labels"/> (in display order); <c>purchase</c> is the amount. Built once per
/// <see cref="DataVersion"/> by <see cref="PurchasesFrameCache"/>.
/// </summary>
public sealed class PurchasesFrame
{
    public const string IdColumn = "id";
    public const string PurchaseColumn = "purchase";

    // The model columns: only in a frame loaded for training (LoadAsync with modelColumns), not in the charts' frame.
    public const string UserColumn = "user_id";
    public const string ProductColumn = "product";
    public const string ProductCategory2Column = "product_category_2";
    public const string ProductCategory3Column = "product_category_3";
    public const string BatchColumn = "batch";

    /// <summary>The column name of each dimension (the same as the filter's query-string key).</summary>
    public static string ColumnOf(PurchaseDimension dimension) => PurchaseFilter.Keys[dimension];

    private PurchasesFrame(DataFrame frame)
    {
        Frame = frame;
        Id = FrameColumns.Single<int>(frame[IdColumn]);
        Purchase = FrameColumns.Single<int>(frame[PurchaseColumn]);
        Codes = Enum.GetValues<PurchaseDimension>().ToDictionary(d => d, d => FrameColumns.Single<short>(frame[ColumnOf(d)]));
    }

    /// <summary>
    /// The transactions: <c>id</c> (the store's row id), one <c>Int16</c> code column per dimension (named by
    /// <see cref="ColumnOf"/>) and <c>purchase</c>. Read-only: the columns wrap the buffers the query reads.
    /// </summary>
    public DataFrame Frame { get; }

    public long Version { get; private init; }

    /// <summary>The store's change count (<see cref="DataVersion.ReadStored"/>) the rows were read at.</summary>
    internal long StoredVersion { get; private init; }
    public int Count { get; private init; }
    public bool IsSample { get; private init; }
    public int MinPurchase { get; private init; }
    public int MaxPurchase { get; private init; }

    /// <summary>For each dimension, the text of each code, in display order.</summary>
    public IReadOnlyDictionary<PurchaseDimension, IReadOnlyList<string>> Labels { get; private init; } =
        new Dictionary<PurchaseDimension, IReadOnlyList<string>>();

    internal IReadOnlyDictionary<PurchaseDimension, ReadOnlyMemory<short>> Codes { get; }
    internal ReadOnlyMemory<int> Id { get; }
    internal ReadOnlyMemory<int> Purchase { get; }

    /// <summary>The text a chart shows for a transaction's value of a dimension (and the filter matches).</summary>
    public static string Label(PurchaseDimension dimension, PurchaseTransaction t) => dimension switch
    {
        PurchaseDimension.AgeBand => t.AgeBand,
        PurchaseDimension.Gender => t.Gender,
        PurchaseDimension.CityCategory => t.CityCategory,
        PurchaseDimension.Occupation => PurchaseFilter.Invariant(t.Occupation),
        PurchaseDimension.Married => MarriedLabel(t.Married),
        PurchaseDimension.StayYears => StayLabel(t.StayYears),
        PurchaseDimension.ProductCategory1 => PurchaseFilter.Invariant(t.ProductCategory1),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    internal static string MarriedLabel(bool married) => married ? "Married" : "Single";
    internal static string StayLabel(int years) => years >= 4 ? "4+" : PurchaseFilter.Invariant(years);

    public static Task<PurchasesFrame> LoadAsync(DashboardDbContext db, long version, CancellationToken cancellationToken = default) =>
        LoadAsync(db, version, modelColumns: false, cancellationToken);

    /// <summary>
    /// Loads the frame; with <paramref name="modelColumns"/> it also holds what the models read and the charts do not:
    /// user id, product (as codes), product categories 2 and 3, and batch, for training.
    /// </summary>
    public static Task<PurchasesFrame> LoadAsync(DashboardDbContext db, long version, bool modelColumns, CancellationToken cancellationToken = default) =>
        FrameStore.ReadAsync(db, (connection, transaction, storedVersion) =>
            LoadAsync(connection, transaction, version, storedVersion, modelColumns, cancellationToken), cancellationToken);

    private static async Task<PurchasesFrame> LoadAsync(DbConnection connection, DbTransaction transaction, long version, long storedVersion,
        bool modelColumns, CancellationToken cancellationToken)
    {
        var count = await FrameStore.CountAsync(connection, transaction, "SELECT COUNT(*) FROM purchases WHERE purchase IS NOT NULL;", cancellationToken);
        var columns = new PurchaseColumns(count, modelColumns);
        var r = 0;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                SELECT {PurchaseColumns.SelectedColumns(modelColumns)}
                FROM purchases WHERE purchase IS NOT NULL ORDER BY id;
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (r == count)
                {
                    throw new InvalidOperationException("purchases changed inside a read transaction.");
                }
                columns.Read(reader, r);
                r++;
            }
        }
        if (r != count)
        {
            throw new InvalidOperationException("purchases changed inside a read transaction.");
        }

        var labels = columns.RecodeInDisplayOrder();
        return new PurchasesFrame(columns.ToFrame())
        {
            Products = columns.Products,
            Version = version,
            StoredVersion = storedVersion,
            Count = count,
            IsSample = columns.IsSample,
            MinPurchase = count == 0 ? 0 : columns.MinPurchase,
            MaxPurchase = count == 0 ? 0 : columns.MaxPurchase,
            Labels = labels,
        };
    }

    /// <summary>The product ids of the product column's codes (empty in the charts' frame).</summary>
    internal IReadOnlyList<string> Products { get; private init; } = [];
}
