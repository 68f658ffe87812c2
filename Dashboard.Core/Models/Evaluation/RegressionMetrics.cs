using Microsoft.ML;

namespace Dashboard.Core.Models.Evaluation;

/// <summary>Held-out regression quality from ML.NET's <c>Regression.Evaluate</c>. R² compares against predicting the mean of
/// the evaluated labels.</summary>
public sealed record RegressionMetrics(int Count, double Rmse, double Mae, double R2)
{
    // An MLContext per call: evaluations run from several threads (training, the promotion check), and a context is cheap.
    private static MLContext Ml => new(seed: 0);

    public static RegressionMetrics Compute(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        if (actual.Count != predicted.Count)
            throw new ArgumentException("Lengths differ.", nameof(predicted));
        if (actual.Count == 0)
            return new RegressionMetrics(0, double.NaN, double.NaN, double.NaN);
        var rows = Enumerable.Range(0, actual.Count).Select(i => new Scored { Label = (float)actual[i], Score = (float)predicted[i] });
        var m = Ml.Regression.Evaluate(Ml.Data.LoadFromEnumerable(rows));
        return new RegressionMetrics(actual.Count, m.RootMeanSquaredError, m.MeanAbsoluteError, double.IsFinite(m.RSquared) ? m.RSquared : double.NaN);
    }

    /// <summary>The baseline every regression must beat: the training mean predicted for every row.</summary>
    public static RegressionMetrics MeanBaseline(IReadOnlyList<double> trainLabels, IReadOnlyList<double> testLabels)
    {
        var mean = trainLabels.Count == 0 ? 0 : trainLabels.Average();
        return Compute(testLabels, Enumerable.Repeat(mean, testLabels.Count).ToArray());
    }

    private sealed class Scored
    {
        public float Label { get; set; }
        public float Score { get; set; }
    }
}
