namespace Dashboard.Core.Models.Learning.Metrics;

/// <summary>One decile of predictions: their mean predicted probability against the observed positive rate.</summary>
public sealed record CalibrationBin(int Decile, int Count, double MeanPredicted, double ObservedRate);

/// <summary>
/// Held-out binary classification quality. <see cref="PrAuc"/> is average precision (the step-wise area under
/// the precision-recall curve, tied scores taken together).
/// </summary>
public sealed record ClassificationMetrics(
    int Count, double PositiveRate, double RocAuc, double PrAuc, double LogLoss, double Brier, IReadOnlyList<CalibrationBin> Calibration)
{
    public static ClassificationMetrics Compute(IReadOnlyList<double> labels, IReadOnlyList<double> probabilities)
    {
        if (labels.Count != probabilities.Count)
            throw new ArgumentException("Lengths differ.", nameof(probabilities));
        var n = labels.Count;
        double positives = 0, logLoss = 0, brier = 0;
        for (var i = 0; i < n; i++)
        {
            var y = labels[i];
            var p = Math.Clamp(probabilities[i], 1e-15, 1 - 1e-15);
            positives += y;
            logLoss -= y * Math.Log(p) + (1 - y) * Math.Log(1 - p);
            brier += (probabilities[i] - y) * (probabilities[i] - y);
        }
        return new ClassificationMetrics(
            n,
            n == 0 ? double.NaN : positives / n,
            ComputeRocAuc(labels, probabilities),
            ComputeAveragePrecision(labels, probabilities),
            n == 0 ? double.NaN : logLoss / n,
            n == 0 ? double.NaN : brier / n,
            CalibrationTable(labels, probabilities));
    }

    /// <summary>The baseline every classifier must beat: the training positive rate predicted for every row.</summary>
    public static ClassificationMetrics BaseRateBaseline(IReadOnlyList<double> trainLabels, IReadOnlyList<double> testLabels)
    {
        var rate = trainLabels.Count == 0 ? 0.5 : trainLabels.Average();
        return Compute(testLabels, Enumerable.Repeat(rate, testLabels.Count).ToArray());
    }

    /// <summary>ROC AUC by the rank-sum (Mann-Whitney) statistic; tied scores get their average rank, so a tie counts one half.</summary>
    public static double ComputeRocAuc(IReadOnlyList<double> labels, IReadOnlyList<double> scores)
    {
        var n = labels.Count;
        var order = SortedAscending(scores);
        double rankSumPositives = 0, positives = 0;
        var i = 0;
        while (i < n)
        {
            var j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]])
                j++;
            var averageRank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
            {
                if (labels[order[k]] > 0.5)
                {
                    rankSumPositives += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        var negatives = n - positives;
        if (positives == 0 || negatives == 0)
            return double.NaN;
        return (rankSumPositives - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /// <summary>Average precision: Σ (recall_k − recall_{k−1}) · precision_k over the distinct score thresholds, highest first.</summary>
    public static double ComputeAveragePrecision(IReadOnlyList<double> labels, IReadOnlyList<double> scores)
    {
        var n = labels.Count;
        var order = SortedAscending(scores);
        double totalPositives = 0;
        for (var i = 0; i < n; i++)
            totalPositives += labels[i] > 0.5 ? 1 : 0;
        if (totalPositives == 0)
            return double.NaN;
        double truePositives = 0, seen = 0, previousRecall = 0, ap = 0;
        var k = n - 1;
        while (k >= 0)
        {
            var j = k;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[k]])
                j--;
            for (var m = j; m <= k; m++)
            {
                seen++;
                truePositives += labels[order[m]] > 0.5 ? 1 : 0;
            }
            var recall = truePositives / totalPositives;
            ap += (recall - previousRecall) * (truePositives / seen);
            previousRecall = recall;
            k = j - 1;
        }
        return ap;
    }

    /// <summary>Ten bins of equal count by predicted probability (fewer when there are fewer rows).</summary>
    public static IReadOnlyList<CalibrationBin> CalibrationTable(IReadOnlyList<double> labels, IReadOnlyList<double> probabilities, int bins = 10)
    {
        var n = labels.Count;
        var order = SortedAscending(probabilities);
        var table = new List<CalibrationBin>();
        for (var b = 0; b < bins; b++)
        {
            var start = (int)((long)b * n / bins);
            var end = (int)((long)(b + 1) * n / bins);
            if (end <= start)
                continue;
            double p = 0, y = 0;
            for (var i = start; i < end; i++)
            {
                p += probabilities[order[i]];
                y += labels[order[i]];
            }
            table.Add(new CalibrationBin(b + 1, end - start, p / (end - start), y / (end - start)));
        }
        return table;
    }

    private static int[] SortedAscending(IReadOnlyList<double> scores)
    {
        var keys = scores.ToArray();
        var order = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(keys, order);
        return order;
    }
}
