using Microsoft.ML;

namespace Dashboard.Core.Models.Evaluation;

/// <summary>One decile of predictions: their mean predicted probability against the observed positive rate.</summary>
public sealed record CalibrationBin(int Decile, int Count, double MeanPredicted, double ObservedRate);

/// <summary>
/// Held-out binary classification quality. ROC AUC, average precision (<see cref="PrAuc"/>) and log loss come from
/// ML.NET's <c>BinaryClassification.Evaluate</c>; the Brier score and the calibration table are computed here, because
/// ML.NET's evaluator has neither. <see cref="LogLoss"/> is in nats (ML.NET reports bits; it is converted).
/// </summary>
public sealed record ClassificationMetrics(
    int Count, double PositiveRate, double RocAuc, double PrAuc, double LogLoss, double Brier, IReadOnlyList<CalibrationBin> Calibration)
{
    // An MLContext per call: evaluations run from several threads (training, the promotion check), and a context is cheap.
    private static MLContext Ml => new(seed: 0);

    public static ClassificationMetrics Compute(IReadOnlyList<double> labels, IReadOnlyList<double> probabilities)
    {
        if (labels.Count != probabilities.Count)
            throw new ArgumentException("Lengths differ.", nameof(probabilities));
        var n = labels.Count;
        double positives = 0, brier = 0;
        for (var i = 0; i < n; i++)
        {
            positives += labels[i];
            brier += (probabilities[i] - labels[i]) * (probabilities[i] - labels[i]);
        }
        var (auc, prAuc, logLoss) = Evaluate(labels, probabilities);
        return new ClassificationMetrics(
            n,
            n == 0 ? double.NaN : positives / n,
            auc,
            prAuc,
            logLoss,
            n == 0 ? double.NaN : brier / n,
            CalibrationTable(labels, probabilities));
    }

    /// <summary>The baseline every classifier must beat: the training positive rate predicted for every row.</summary>
    public static ClassificationMetrics BaseRateBaseline(IReadOnlyList<double> trainLabels, IReadOnlyList<double> testLabels)
    {
        var rate = trainLabels.Count == 0 ? 0.5 : trainLabels.Average();
        return Compute(testLabels, Enumerable.Repeat(rate, testLabels.Count).ToArray());
    }

    /// <summary>ROC AUC of any score (not only a probability), by ML.NET's evaluator; NaN when one class is absent.</summary>
    public static double ComputeRocAuc(IReadOnlyList<double> labels, IReadOnlyList<double> scores)
    {
        if (!BothClasses(labels))
            return double.NaN;
        var rows = Enumerable.Range(0, labels.Count).Select(i => new Scored { Label = labels[i] > 0.5, Score = (float)scores[i] });
        return Ml.BinaryClassification.EvaluateNonCalibrated(Ml.Data.LoadFromEnumerable(rows)).AreaUnderRocCurve;
    }

    private static (double Auc, double PrAuc, double LogLoss) Evaluate(IReadOnlyList<double> labels, IReadOnlyList<double> probabilities)
    {
        if (!BothClasses(labels))
            return (double.NaN, double.NaN, double.NaN);
        var rows = Enumerable.Range(0, labels.Count).Select(i => new Scored
        {
            Label = labels[i] > 0.5,
            Score = (float)probabilities[i],
            Probability = (float)probabilities[i],
            PredictedLabel = probabilities[i] >= 0.5,
        });
        var m = Ml.BinaryClassification.Evaluate(Ml.Data.LoadFromEnumerable(rows));
        return (m.AreaUnderRocCurve, m.AreaUnderPrecisionRecallCurve, m.LogLoss * Math.Log(2));
    }

    private static bool BothClasses(IReadOnlyList<double> labels) => labels.Any(y => y > 0.5) && labels.Any(y => y <= 0.5);

    /// <summary>Ten bins of equal count by predicted probability (fewer when there are fewer rows).</summary>
    public static IReadOnlyList<CalibrationBin> CalibrationTable(IReadOnlyList<double> labels, IReadOnlyList<double> probabilities, int bins = 10)
    {
        var n = labels.Count;
        var keys = probabilities.ToArray();
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(keys, order);
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

    private sealed class Scored
    {
        public bool Label { get; set; }
        public float Score { get; set; }
        public float Probability { get; set; }
        public bool PredictedLabel { get; set; }
    }
}
