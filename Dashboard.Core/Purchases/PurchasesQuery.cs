namespace Dashboard.Core.Purchases;

/// <summary>
/// The query service of the customer-purchases screen (labelled transactions only). Each by-dimension chart ignores
/// the filter on its own dimension, so that clicking one of its bars narrows the other charts and keeps its own bars.
/// </summary>
public sealed class PurchasesQuery(PurchasesFrameCache frames)
{
    public static readonly IReadOnlyList<double> Probabilities = [0.1, 0.25, 0.5, 0.75, 0.9];
    private const int TargetBins = 30;

    public async Task<IReadOnlyDictionary<PurchaseDimension, IReadOnlyList<string>>> GetFilterOptionsAsync(CancellationToken cancellationToken = default) =>
        (await frames.GetAsync(cancellationToken)).Labels;

    public Task<PurchasesSummary> GetAsync(PurchaseFilter filter, CancellationToken cancellationToken = default) =>
        Telemetry.DashboardTelemetry.QueryAsync("purchases", async () => Compute(await frames.GetAsync(cancellationToken), filter));

    internal static PurchasesSummary Compute(PurchasesFrame s, PurchaseFilter filter)
    {
        var dimensions = Enum.GetValues<PurchaseDimension>();
        var allowed = dimensions.Select(d => Allowed(s, filter, d)).ToArray();
        var width = BinWidth(s.MinPurchase, s.MaxPurchase);
        var firstBin = s.Count == 0 ? 0 : s.MinPurchase / width * width;
        var bins = s.Count == 0 ? 0 : (s.MaxPurchase - firstBin) / width + 1;

        // One pass over the frame's buffers. A row that passes every dimension's filter counts in the summary and in
        // every chart; a row that fails exactly one dimension counts only in that dimension's chart, which ignores its
        // own filter (clicking one of its bars keeps its other bars).
        var counts = new int[s.Count == 0 ? 0 : s.MaxPurchase - s.MinPurchase + 1];
        var histogram = new int[bins];
        var groupCount = dimensions.Select(d => new int[s.Labels[d].Count]).ToArray();
        var groupSum = dimensions.Select(d => new long[s.Labels[d].Count]).ToArray();
        long total = 0;
        var n = 0;
        var c0 = s.Codes[dimensions[0]].Span;
        var c1 = s.Codes[dimensions[1]].Span;
        var c2 = s.Codes[dimensions[2]].Span;
        var c3 = s.Codes[dimensions[3]].Span;
        var c4 = s.Codes[dimensions[4]].Span;
        var c5 = s.Codes[dimensions[5]].Span;
        var c6 = s.Codes[dimensions[6]].Span;
        var (a0, a1, a2, a3, a4, a5, a6) = (allowed[0], allowed[1], allowed[2], allowed[3], allowed[4], allowed[5], allowed[6]);
        var purchases = s.Purchase.Span;
        for (var r = 0; r < purchases.Length; r++)
        {
            var failed = -1;
            var failures = 0;
            if (a0 is not null && !a0[c0[r]]) { failed = 0; failures++; }
            if (a1 is not null && !a1[c1[r]]) { failed = 1; failures++; }
            if (a2 is not null && !a2[c2[r]]) { failed = 2; failures++; }
            if (a3 is not null && !a3[c3[r]]) { failed = 3; failures++; }
            if (a4 is not null && !a4[c4[r]]) { failed = 4; failures++; }
            if (a5 is not null && !a5[c5[r]]) { failed = 5; failures++; }
            if (a6 is not null && !a6[c6[r]]) { failed = 6; failures++; }
            if (failures > 1)
            {
                continue;
            }
            var p = purchases[r];
            if (failures == 1)
            {
                var code = failed switch { 0 => c0[r], 1 => c1[r], 2 => c2[r], 3 => c3[r], 4 => c4[r], 5 => c5[r], _ => c6[r] };
                groupCount[failed][code]++;
                groupSum[failed][code] += p;
                continue;
            }
            counts[p - s.MinPurchase]++;
            histogram[(p - firstBin) / width]++;
            total += p;
            n++;
            Add(0, c0[r]); Add(1, c1[r]); Add(2, c2[r]); Add(3, c3[r]); Add(4, c4[r]); Add(5, c5[r]); Add(6, c6[r]);

            void Add(int d, short code)
            {
                groupCount[d][code]++;
                groupSum[d][code] += p;
            }
        }

        var breakdowns = dimensions.Select((d, i) => Breakdown(s, filter, d, groupCount[i], groupSum[i])).ToList();
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

    private static PurchaseBreakdown Breakdown(PurchasesFrame s, PurchaseFilter filter, PurchaseDimension dimension, int[] count, long[] sum)
    {
        var labels = s.Labels[dimension];
        var selected = filter[dimension];
        return new PurchaseBreakdown(dimension, PurchaseFilter.Keys[dimension], Enumerable.Range(0, labels.Count)
            .Select(i => new PurchaseGroup(labels[i], count[i], sum[i],
                count[i] == 0 ? 0 : Math.Round((double)sum[i] / count[i], 2, MidpointRounding.AwayFromZero),
                selected.Contains(labels[i], StringComparer.OrdinalIgnoreCase)))
            .ToList());
    }

    /// <summary>The rows that pass the whole filter, as a mask for <c>DataFrame.Filter</c> (the exports).</summary>
    internal static Microsoft.Data.Analysis.BooleanDataFrameColumn Select(PurchasesFrame s, PurchaseFilter filter)
    {
        var dimensions = Enum.GetValues<PurchaseDimension>();
        var mask = new Analytics.Frames.ColumnBuffer<bool>(s.Count);
        mask.Values.Fill(true);
        foreach (var d in dimensions)
        {
            if (Allowed(s, filter, d) is not { } allowed)
            {
                continue;
            }
            var selected = mask.Values;
            var codes = s.Codes[d].Span;
            for (var r = 0; r < codes.Length; r++)
            {
                selected[r] &= allowed[codes[r]];
            }
        }
        return Analytics.Frames.FrameColumns.Boolean("selected", mask);
    }

    private static bool[]? Allowed(PurchasesFrame s, PurchaseFilter filter, PurchaseDimension dimension)
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
