using System.Text.Json.Serialization;

namespace Dashboard.Core.Models.Learning.Trees;

/// <summary>
/// Maps each feature to at most 255 value bins and one missing bin (the last). Numeric features are cut at
/// midpoints between distinct values, or at quantiles of a sample when they have more distinct values than bins;
/// a categorical feature's bin is its code. Unseen categories fall into the missing bin.
/// </summary>
public sealed class FeatureBinner
{
    public const int MaxValueBins = 255;

    [JsonConstructor]
    public FeatureBinner(bool[] categorical, float[][] edges, int[] valueBins)
    {
        Categorical = categorical;
        Edges = edges;
        ValueBins = valueBins;
    }

    /// <summary>True where the feature's bins are category codes (a split is a set of bins, not a threshold).</summary>
    public bool[] Categorical { get; }

    /// <summary>Numeric upper edges: a value goes to the first bin whose edge is ≥ the value.</summary>
    public float[][] Edges { get; }

    /// <summary>Value bins per feature; the missing bin of feature f is <c>ValueBins[f]</c>.</summary>
    public int[] ValueBins { get; }

    [JsonIgnore]
    public int Count => ValueBins.Length;

    public static FeatureBinner Fit(FeatureMatrix x, int maxBins, int seed, int sampleSize = 200_000)
    {
        maxBins = Math.Clamp(maxBins, 2, MaxValueBins);
        var rows = Enumerable.Range(0, x.Rows).ToArray();
        if (x.Rows > sampleSize)
        {
            new Random(seed).Shuffle(rows);
            rows = rows[..sampleSize];
        }
        var categorical = new bool[x.Columns];
        var edges = new float[x.Columns][];
        var valueBins = new int[x.Columns];
        for (var f = 0; f < x.Columns; f++)
        {
            var info = x.Schema.Features[f];
            if (info.Kind == FeatureKind.Categorical && info.LevelCount <= maxBins)
            {
                categorical[f] = true;
                edges[f] = [];
                valueBins[f] = Math.Max(info.LevelCount, 1);
                continue;
            }
            var values = new List<float>(rows.Length);
            foreach (var r in rows)
            {
                var v = x[r, f];
                if (!float.IsNaN(v))
                    values.Add(v);
            }
            values.Sort();
            var distinct = new List<float>();
            foreach (var v in values)
            {
                if (distinct.Count == 0 || distinct[^1] != v)
                    distinct.Add(v);
            }
            var cut = new List<float>();
            if (distinct.Count <= maxBins)
            {
                for (var i = 0; i + 1 < distinct.Count; i++)
                    cut.Add(distinct[i] + (distinct[i + 1] - distinct[i]) / 2);
            }
            else
            {
                for (var q = 1; q < maxBins; q++)
                {
                    var v = values[(int)((long)q * values.Count / maxBins)];
                    if (cut.Count == 0 || v > cut[^1])
                        cut.Add(v);
                }
            }
            edges[f] = cut.ToArray();
            valueBins[f] = cut.Count + 1;
        }
        return new FeatureBinner(categorical, edges, valueBins);
    }

    public byte Bin(int feature, float value)
    {
        if (float.IsNaN(value))
            return (byte)ValueBins[feature];
        if (Categorical[feature])
            return value >= 0 && value < ValueBins[feature] ? (byte)(int)value : (byte)ValueBins[feature];
        var edges = Edges[feature];
        int lo = 0, hi = edges.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (edges[mid] < value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return (byte)lo;
    }

    /// <summary>Row-major bins of every row.</summary>
    public byte[] BinRows(FeatureMatrix x)
    {
        var bins = new byte[x.Rows * x.Columns];
        GradientBoostedTreesTrainer.ForRanges(x.Rows, (start, end) =>
        {
            for (var r = start; r < end; r++)
            {
                for (var f = 0; f < x.Columns; f++)
                    bins[r * x.Columns + f] = Bin(f, x.Values[r * x.Columns + f]);
            }
        });
        return bins;
    }
}
