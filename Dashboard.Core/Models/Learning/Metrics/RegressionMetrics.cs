namespace Dashboard.Core.Models.Learning.Metrics;

/// <summary>Held-out regression quality. R² compares against predicting the mean of the evaluated labels.</summary>
public sealed record RegressionMetrics(int Count, double Rmse, double Mae, double R2)
{
    public static RegressionMetrics Compute(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        if (actual.Count != predicted.Count)
            throw new ArgumentException("Lengths differ.", nameof(predicted));
        var n = actual.Count;
        if (n == 0)
            return new RegressionMetrics(0, double.NaN, double.NaN, double.NaN);
        double mean = 0;
        for (var i = 0; i < n; i++)
            mean += actual[i];
        mean /= n;
        double sse = 0, sae = 0, sst = 0;
        for (var i = 0; i < n; i++)
        {
            var e = actual[i] - predicted[i];
            sse += e * e;
            sae += Math.Abs(e);
            var d = actual[i] - mean;
            sst += d * d;
        }
        return new RegressionMetrics(n, Math.Sqrt(sse / n), sae / n, sst > 0 ? 1 - sse / sst : double.NaN);
    }

    /// <summary>The baseline every regression must beat: the training mean predicted for every row.</summary>
    public static RegressionMetrics MeanBaseline(IReadOnlyList<double> trainLabels, IReadOnlyList<double> testLabels)
    {
        var mean = trainLabels.Count == 0 ? 0 : trainLabels.Average();
        return Compute(testLabels, Enumerable.Repeat(mean, testLabels.Count).ToArray());
    }
}
