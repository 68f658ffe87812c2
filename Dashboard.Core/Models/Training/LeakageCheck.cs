using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Evaluation;

namespace Dashboard.Core.Models.Training;

/// <summary>
/// Looks at every feature column alone on the training rows. A classifier's feature is flagged when its
/// single-feature ROC AUC (a category scored by its own positive rate, a number by its value, either direction)
/// exceeds the threshold (0.9), or when one of its values covers at least 10% of the rows and has a positive (or
/// negative) rate under a tenth of the overall one — a value that decides the label almost by itself.
/// (<c>promotion-ids</c> is caught by the second rule: its AUC is about 0.86 because the lines without a promotion
/// are a mix, but the lines with one are almost never cancelled.) A regression's feature is flagged when it alone
/// explains more than the threshold share of the label's variance (R² of its per-value means).
/// </summary>
public static class LeakageCheck
{
    public static IReadOnlyList<LeakageWarning> ForClassifier(FeatureMatrix x, double[] y, Func<string, string> inputOf, double threshold = 0.9)
    {
        var warnings = new List<LeakageWarning>();
        var n = x.Rows;
        if (n == 0)
            return warnings;
        var baseRate = y.Average();
        for (var f = 0; f < x.Columns; f++)
        {
            var info = x.Schema.Features[f];
            var (keys, scores) = GroupScores(x, y, f);
            var auc = ClassificationMetrics.ComputeRocAuc(y, scores);
            auc = Math.Max(auc, 1 - auc);
            if (auc > threshold)
            {
                warnings.Add(new LeakageWarning(info.Name, inputOf(info.Name), auc,
                    $"{info.Name} alone separates the label with ROC AUC {auc:0.000} (> {threshold:0.00})".ToString(System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }
            if (info.Kind != FeatureKind.Categorical)
                continue;
            foreach (var group in keys)
            {
                var share = group.Value.Count / (double)n;
                var rate = group.Value.Sum / group.Value.Count;
                if (share >= 0.1 && (rate < baseRate / 10 || 1 - rate < (1 - baseRate) / 10))
                {
                    var level = float.IsNaN(group.Key) ? "(missing)" : info.Levels![(int)group.Key];
                    warnings.Add(new LeakageWarning(info.Name, inputOf(info.Name), auc, string.Format(System.Globalization.CultureInfo.InvariantCulture,
                        "{0} = {1} covers {2:P0} of the rows and has a positive rate of {3:P2} against {4:P2} overall: it decides the label almost by itself",
                        info.Name, level, share, rate, baseRate)));
                    break;
                }
            }
        }
        return warnings;
    }

    public static IReadOnlyList<LeakageWarning> ForRegression(FeatureMatrix x, double[] y, Func<string, string> inputOf, double threshold = 0.9)
    {
        var warnings = new List<LeakageWarning>();
        if (x.Rows == 0)
            return warnings;
        var mean = y.Average();
        var sst = y.Sum(v => (v - mean) * (v - mean));
        for (var f = 0; f < x.Columns; f++)
        {
            var info = x.Schema.Features[f];
            var (_, fitted) = GroupScores(x, y, f);
            double sse = 0;
            for (var i = 0; i < y.Length; i++)
                sse += (y[i] - fitted[i]) * (y[i] - fitted[i]);
            var r2 = sst > 0 ? 1 - sse / sst : 0;
            if (r2 > threshold)
            {
                warnings.Add(new LeakageWarning(info.Name, inputOf(info.Name), r2, string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "{0} alone explains {1:P0} of the variance of the label", info.Name, r2)));
            }
        }
        return warnings;
    }

    /// <summary>Per-row score of one column: the label mean of its value for a categorical, or of its quantile bin (50) for a number.</summary>
    private static (Dictionary<float, (double Sum, int Count)> Groups, double[] Scores) GroupScores(FeatureMatrix x, double[] y, int f)
    {
        var keys = new float[x.Rows];
        if (x.Schema.Features[f].Kind == FeatureKind.Categorical)
        {
            for (var i = 0; i < x.Rows; i++)
                keys[i] = x[i, f];
        }
        else
        {
            var sorted = Enumerable.Range(0, x.Rows).Select(i => x[i, f]).Where(v => !float.IsNaN(v)).Order().ToArray();
            var edges = sorted.Length == 0 ? [] : Enumerable.Range(1, 49).Select(q => sorted[(int)((long)q * (sorted.Length - 1) / 50)]).Distinct().ToArray();
            for (var i = 0; i < x.Rows; i++)
            {
                var v = x[i, f];
                keys[i] = float.IsNaN(v) ? float.NaN : Array.BinarySearch(edges, v) is var b && b >= 0 ? b : ~b;
            }
        }
        var groups = new Dictionary<float, (double Sum, int Count)>();
        for (var i = 0; i < x.Rows; i++)
        {
            var (s, c) = groups.GetValueOrDefault(keys[i]);
            groups[keys[i]] = (s + y[i], c + 1);
        }
        var scores = new double[x.Rows];
        for (var i = 0; i < x.Rows; i++)
        {
            var (s, c) = groups[keys[i]];
            scores[i] = s / c;
        }
        return (groups, scores);
    }
}
