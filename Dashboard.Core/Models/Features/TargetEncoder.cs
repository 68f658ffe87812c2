using System.Text.Json.Serialization;

namespace Dashboard.Core.Models.Features;

/// <summary>
/// Smoothed target encoding of a large categorical input: (Σy + m·prior) / (n + m) over the training rows with the
/// same key, and the key's training count as a frequency. For the training rows themselves the encoding is fitted
/// out-of-fold (each row's value comes from the other folds only), so a row never sees its own label. A key without
/// training rows, or a missing key, encodes as NaN (missing), never as a guess. Ours because ML.NET has no target encoding
/// (its categorical transforms are one-hot and hashing, which cannot hold thousands of user and product ids in a few columns).
/// </summary>
public sealed class TargetEncoder
{
    [JsonConstructor]
    public TargetEncoder(double prior, double smoothing, IReadOnlyDictionary<string, double[]> stats)
    {
        Prior = prior;
        Smoothing = smoothing;
        Stats = stats;
    }

    public double Prior { get; }
    public double Smoothing { get; }
    /// <summary>Per key: [label sum, count].</summary>
    public IReadOnlyDictionary<string, double[]> Stats { get; }

    public (float Target, float Frequency) Encode(string? key)
    {
        if (key is null || !Stats.TryGetValue(key, out var s))
            return (float.NaN, 0);
        return ((float)((s[0] + Smoothing * Prior) / (s[1] + Smoothing)), (float)s[1]);
    }

    /// <summary>Fits on all rows for scoring, and returns the out-of-fold encodings of the training rows.</summary>
    public static (TargetEncoder Encoder, float[] Target, float[] Frequency) FitOutOfFold(
        IReadOnlyList<string?> keys, IReadOnlyList<double> labels, double smoothing, int folds, int seed)
    {
        var n = keys.Count;
        var prior = n == 0 ? 0 : labels.Average();
        var fold = new int[n];
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        for (var i = 0; i < n; i++)
            fold[order[i]] = i % folds;
        var perFold = new Dictionary<string, double[]>[folds];
        for (var k = 0; k < folds; k++)
            perFold[k] = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var total = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (keys[i] is not { } key)
                continue;
            Add(perFold[fold[i]], key, labels[i]);
            Add(total, key, labels[i]);
        }
        var target = new float[n];
        var frequency = new float[n];
        for (var i = 0; i < n; i++)
        {
            if (keys[i] is not { } key)
            {
                target[i] = float.NaN;
                continue;
            }
            var all = total[key];
            var own = perFold[fold[i]][key];
            var count = all[1] - own[1];
            target[i] = count > 0 ? (float)((all[0] - own[0] + smoothing * prior) / (count + smoothing)) : float.NaN;
            frequency[i] = (float)count;
        }
        // Frequencies seen in training are out-of-fold counts (about (k−1)/k of the full count): scale them back.
        var scale = folds > 1 ? folds / (folds - 1.0) : 1;
        for (var i = 0; i < n; i++)
            frequency[i] = (float)(frequency[i] * scale);
        return (new TargetEncoder(prior, smoothing, total), target, frequency);
    }

    private static void Add(Dictionary<string, double[]> stats, string key, double label)
    {
        if (!stats.TryGetValue(key, out var s))
            stats[key] = s = new double[2];
        s[0] += label;
        s[1] += 1;
    }
}
