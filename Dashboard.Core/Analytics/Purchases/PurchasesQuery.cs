namespace Dashboard.Core.Analytics.Purchases;

/// <summary>A quantile of the purchase amount: linear interpolation between order statistics (pandas' default).</summary>
public sealed record Quantile(double Probability, double Value);

/// <summary>One histogram bin: purchases p with <see cref="From"/> ≤ p &lt; <see cref="To"/>.</summary>
public sealed record HistogramBin(int From, int To, int Count);

/// <summary>One bar of a by-dimension chart: how many transactions and their mean purchase (rounded to 0.01).</summary>
public sealed record PurchaseGroup(string Value, int Count, long Total, double Mean, bool Selected);

public sealed record PurchaseBreakdown(PurchaseDimension Dimension, string Key, IReadOnlyList<PurchaseGroup> Groups);

public sealed record PurchasesSummary(
    PurchaseFilter Filter,
    int Count,
    long Total,
    double? Mean,
    int? Min,
    int? Max,
    IReadOnlyList<Quantile> Quantiles,
    int BinWidth,
    IReadOnlyList<HistogramBin> Histogram,
    IReadOnlyList<PurchaseBreakdown> Breakdowns);

/// <summary>
/// The query service of the customer-purchases screen (labelled transactions only). Each by-dimension chart ignores
/// the filter on its own dimension, so that clicking one of its bars narrows the other charts and keeps its own bars.
/// </summary>
public sealed class PurchasesQuery(PurchasesSnapshotCache snapshots)
{
    public static readonly IReadOnlyList<double> Probabilities = [0.1, 0.25, 0.5, 0.75, 0.9];
    private const int TargetBins = 30;

    public async Task<IReadOnlyDictionary<PurchaseDimension, IReadOnlyList<string>>> GetFilterOptionsAsync(CancellationToken cancellationToken = default) =>
        (await snapshots.GetAsync(cancellationToken)).Labels;

    public async Task<PurchasesSummary> GetAsync(PurchaseFilter filter, CancellationToken cancellationToken = default)
    {
        var s = await snapshots.GetAsync(cancellationToken);
        return Compute(s, filter);
    }

    internal static PurchasesSummary Compute(PurchasesSnapshot s, PurchaseFilter filter)
    {
        var dimensions = Enum.GetValues<PurchaseDimension>();
        var allowed = dimensions.ToDictionary(d => d, d => Allowed(s, filter, d));
        var width = BinWidth(s.MinPurchase, s.MaxPurchase);
        var firstBin = s.Count == 0 ? 0 : s.MinPurchase / width * width;
        var bins = s.Count == 0 ? 0 : (s.MaxPurchase - firstBin) / width + 1;

        // The matching purchases, counted by value (values are whole currency units in a narrow range).
        var counts = new int[s.Count == 0 ? 0 : s.MaxPurchase - s.MinPurchase + 1];
        var histogram = new int[bins];
        long total = 0;
        var n = 0;
        for (var r = 0; r < s.Count; r++)
        {
            if (!Passes(s, allowed, r, null))
            {
                continue;
            }
            var p = s.Purchase[r];
            counts[p - s.MinPurchase]++;
            histogram[(p - firstBin) / width]++;
            total += p;
            n++;
        }

        var breakdowns = dimensions.Select(d => Breakdown(s, filter, allowed, d)).ToList();
        return new PurchasesSummary(
            filter, n, total,
            n == 0 ? null : Math.Round((double)total / n, 2, MidpointRounding.AwayFromZero),
            n == 0 ? null : s.MinPurchase + Array.FindIndex(counts, c => c > 0),
            n == 0 ? null : s.MinPurchase + Array.FindLastIndex(counts, c => c > 0),
            n == 0 ? [] : Probabilities.Select(q => new Quantile(q, QuantileOf(counts, s.MinPurchase, n, q))).ToList(),
            width,
            Enumerable.Range(0, bins).Select(i => new HistogramBin(firstBin + i * width, firstBin + (i + 1) * width, histogram[i])).ToList(),
            breakdowns);
    }

    private static PurchaseBreakdown Breakdown(PurchasesSnapshot s, PurchaseFilter filter, Dictionary<PurchaseDimension, bool[]?> allowed, PurchaseDimension dimension)
    {
        var labels = s.Labels[dimension];
        var codes = s.Codes[dimension];
        var count = new int[labels.Count];
        var sum = new long[labels.Count];
        for (var r = 0; r < s.Count; r++)
        {
            if (Passes(s, allowed, r, dimension))
            {
                count[codes[r]]++;
                sum[codes[r]] += s.Purchase[r];
            }
        }
        var selected = filter[dimension];
        return new PurchaseBreakdown(dimension, PurchaseFilter.Keys[dimension], Enumerable.Range(0, labels.Count)
            .Select(i => new PurchaseGroup(labels[i], count[i], sum[i],
                count[i] == 0 ? 0 : Math.Round((double)sum[i] / count[i], 2, MidpointRounding.AwayFromZero),
                selected.Contains(labels[i], StringComparer.OrdinalIgnoreCase)))
            .ToList());
    }

    private static bool Passes(PurchasesSnapshot s, Dictionary<PurchaseDimension, bool[]?> allowed, int row, PurchaseDimension? ignore)
    {
        foreach (var (dimension, mask) in allowed)
        {
            if (mask is not null && dimension != ignore && !mask[s.Codes[dimension][row]])
            {
                return false;
            }
        }
        return true;
    }

    private static bool[]? Allowed(PurchasesSnapshot s, PurchaseFilter filter, PurchaseDimension dimension)
    {
        var wanted = filter[dimension];
        if (wanted.Count == 0)
        {
            return null;
        }
        return s.Labels[dimension].Select(l => wanted.Contains(l, StringComparer.OrdinalIgnoreCase)).ToArray();
    }

    /// <summary>The q-quantile of n values given as counts per value: x[h] interpolated, h = (n − 1)·q (0-based order statistics).</summary>
    internal static double QuantileOf(int[] counts, int offset, int n, double q)
    {
        var h = (n - 1) * q;
        var lo = (long)Math.Floor(h);
        var lower = OrderStatistic(counts, offset, lo);
        var upper = lo + 1 < n ? OrderStatistic(counts, offset, lo + 1) : lower;
        return lower + (h - lo) * (upper - lower);
    }

    private static int OrderStatistic(int[] counts, int offset, long k)
    {
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen > k)
            {
                return offset + i;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(k));
    }

    /// <summary>A round bin width (1, 2 or 5 times a power of ten) giving about <see cref="TargetBins"/> bins over the data.</summary>
    internal static int BinWidth(int min, int max)
    {
        var raw = Math.Max(1.0, (max - min) / (double)TargetBins);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var step in new[] { 1, 2, 5, 10 })
        {
            if (step * magnitude >= raw)
            {
                return (int)(step * magnitude);
            }
        }
        return (int)(10 * magnitude);
    }
}
