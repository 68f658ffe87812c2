using Dashboard.Core.Data;
using Dashboard.Core.Purchases;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Analytics.Purchases;

/// <summary>
/// The labelled purchase transactions (those with a Purchase amount) as columns in memory, each dimension coded
/// as an index into its <see cref="Labels"/>. Built once per <see cref="DataVersion"/>.
/// </summary>
public sealed class PurchasesSnapshot
{
    private PurchasesSnapshot()
    {
    }

    public long Version { get; private init; }
    public int Count { get; private init; }
    public bool IsSample { get; private init; }
    public int MinPurchase { get; private init; }
    public int MaxPurchase { get; private init; }

    /// <summary>For each dimension, the text of each code, in display order.</summary>
    public IReadOnlyDictionary<PurchaseDimension, IReadOnlyList<string>> Labels { get; private init; } =
        new Dictionary<PurchaseDimension, IReadOnlyList<string>>();

    internal IReadOnlyDictionary<PurchaseDimension, int[]> Codes { get; private init; } = new Dictionary<PurchaseDimension, int[]>();
    internal int[] Purchase { get; private init; } = [];

    public static string Label(PurchaseDimension dimension, PurchaseTransaction t) => dimension switch
    {
        PurchaseDimension.AgeBand => t.AgeBand,
        PurchaseDimension.Gender => t.Gender,
        PurchaseDimension.CityCategory => t.CityCategory,
        PurchaseDimension.Occupation => PurchaseFilter.Invariant(t.Occupation),
        PurchaseDimension.Married => t.Married ? "Married" : "Single",
        PurchaseDimension.StayYears => t.StayYears >= 4 ? "4+" : PurchaseFilter.Invariant(t.StayYears),
        PurchaseDimension.ProductCategory1 => PurchaseFilter.Invariant(t.ProductCategory1),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    public static async Task<PurchasesSnapshot> LoadAsync(DashboardDbContext db, long version, CancellationToken cancellationToken = default)
    {
        var dimensions = Enum.GetValues<PurchaseDimension>();
        var dictionaries = dimensions.ToDictionary(d => d, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        var codes = dimensions.ToDictionary(d => d, _ => new List<int>());
        var purchase = new List<int>();
        var sample = false;
        var rows = db.Purchases
            .Where(x => x.Purchase != null)
            .Select(x => new PurchaseTransaction
            {
                Gender = x.Gender, AgeBand = x.AgeBand, Occupation = x.Occupation, CityCategory = x.CityCategory,
                StayYears = x.StayYears, Married = x.Married, ProductCategory1 = x.ProductCategory1,
                Purchase = x.Purchase, IsSample = x.IsSample,
            })
            .AsAsyncEnumerable();
        await foreach (var t in rows.WithCancellation(cancellationToken))
        {
            foreach (var d in dimensions)
            {
                var label = Label(d, t);
                var dictionary = dictionaries[d];
                if (!dictionary.TryGetValue(label, out var code))
                {
                    code = dictionary.Count;
                    dictionary.Add(label, code);
                }
                codes[d].Add(code);
            }
            purchase.Add(t.Purchase!.Value);
            sample |= t.IsSample;
        }

        // Recode each dimension so that codes follow display order (age bands by age, numbers numerically).
        var labels = new Dictionary<PurchaseDimension, IReadOnlyList<string>>();
        var finalCodes = new Dictionary<PurchaseDimension, int[]>();
        foreach (var d in dimensions)
        {
            var ordered = dictionaries[d].Keys.OrderBy(k => SortKey(d, k)).ThenBy(k => k, StringComparer.Ordinal).ToList();
            var remap = new int[ordered.Count];
            for (var i = 0; i < ordered.Count; i++)
            {
                remap[dictionaries[d][ordered[i]]] = i;
            }
            labels[d] = ordered;
            finalCodes[d] = codes[d].Select(c => remap[c]).ToArray();
        }

        return new PurchasesSnapshot
        {
            Version = version,
            Count = purchase.Count,
            IsSample = sample,
            MinPurchase = purchase.Count == 0 ? 0 : purchase.Min(),
            MaxPurchase = purchase.Count == 0 ? 0 : purchase.Max(),
            Labels = labels,
            Codes = finalCodes,
            Purchase = [.. purchase],
        };
    }

    private static int SortKey(PurchaseDimension d, string label) => d switch
    {
        PurchaseDimension.AgeBand => AgeBands.All.ToList().IndexOf(label) is var i and >= 0 ? i : int.MaxValue,
        PurchaseDimension.StayYears => label == "4+" ? 4 : int.TryParse(label, out var y) ? y : int.MaxValue,
        PurchaseDimension.Occupation or PurchaseDimension.ProductCategory1 => int.TryParse(label, out var n) ? n : int.MaxValue,
        _ => 0,
    };
}

/// <summary>Keeps the current <see cref="PurchasesSnapshot"/>, rebuilding it when <see cref="DataVersion"/> moves on.</summary>
public sealed class PurchasesSnapshotCache(IDbContextFactory<DashboardDbContext> contexts, DataVersion dataVersion)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile PurchasesSnapshot? _current;

    public async ValueTask<PurchasesSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } snapshot && snapshot.Version == dataVersion.Current)
        {
            return snapshot;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var version = dataVersion.Current;
            if (_current is { } again && again.Version == version)
            {
                return again;
            }
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var built = await PurchasesSnapshot.LoadAsync(db, version, cancellationToken);
            _current = built;
            return built;
        }
        finally
        {
            _gate.Release();
        }
    }
}
