using System.Diagnostics;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Evaluation;

namespace Dashboard.Core.Models.Training;

/// <summary>
/// The figures a training run reports, for the Models page and the models benchmark: each model's held-out metrics, its
/// training time, and its scoring latency on single what-if requests (features, prediction and contributions).
/// </summary>
public static class ModelProtocol
{
    /// <summary>The figures of a purchase training result; scoring latency is measured on <paramref name="latencySample"/>.</summary>
    public static ProtocolReport Describe(PurchaseTrainingResult result, IReadOnlyList<PurchaseInput> latencySample)
    {
        var inputs = latencySample;
        return new ProtocolReport("purchase", result.TrainRows, result.TestRows, result.FeatureTime.TotalSeconds,
        [
            Figures("mean baseline", result.Baseline, null, null, default),
            Figures(result.Linear.Model.Kind, result.Linear.Metrics, result.Linear.TrainingTime, result.Linear.TrainingCpuTime, Latency(inputs, i => result.Linear.Model.Predict(i))),
            Figures(result.Trees.Model.Kind, result.Trees.Metrics, result.Trees.TrainingTime, result.Trees.TrainingCpuTime, Latency(inputs, i => result.Trees.Model.Predict(i))),
        ], result.LeakageWarnings.Select(w => w.Reason).ToArray());
    }

    /// <summary>The figures of a cancellation training result; scoring latency is measured on <paramref name="latencySample"/>.</summary>
    public static ProtocolReport Describe(CancellationTrainingResult result, IReadOnlyList<CancellationInput> latencySample)
    {
        var inputs = latencySample;
        return new ProtocolReport("cancellation", result.TrainRows, result.TestRows, result.FeatureTime.TotalSeconds,
        [
            Figures("base-rate baseline", result.Baseline, null, null, default),
            Figures(result.Linear.Model.Kind, result.Linear.Metrics, result.Linear.TrainingTime, result.Linear.TrainingCpuTime, Latency(inputs, i => result.Linear.Model.Predict(i))),
            Figures(result.Trees.Model.Kind, result.Trees.Metrics, result.Trees.TrainingTime, result.Trees.TrainingCpuTime, Latency(inputs, i => result.Trees.Model.Predict(i))),
        ], result.LeakageWarnings.Select(w => w.Reason).ToArray());
    }

    /// <summary>Median and 99th percentile of single calls, in milliseconds, after warm-up passes and a full collection.</summary>
    public static (double P50, double P99) Latency<T>(IReadOnlyList<T> inputs, Action<T> score)
    {
        if (inputs.Count == 0)
            return (double.NaN, double.NaN);
        // steady state: jitted code and a collected heap, as in a long-running app after start-up
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var input in inputs)
                score(input);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var times = new double[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            score(inputs[i]);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[times.Length / 2], times[Math.Min(times.Length - 1, (int)Math.Ceiling(times.Length * 0.99) - 1)]);
    }

    private static ProtocolFigures Figures(string model, RegressionMetrics m, TimeSpan? time, TimeSpan? cpu, (double P50, double P99) latency) => new()
    {
        Model = model,
        Rmse = m.Rmse,
        Mae = m.Mae,
        R2 = m.R2,
        TrainSeconds = time?.TotalSeconds,
        TrainCpuSeconds = cpu?.TotalSeconds,
        ScoreP50Ms = time is null ? null : latency.P50,
        ScoreP99Ms = time is null ? null : latency.P99,
    };

    private static ProtocolFigures Figures(string model, ClassificationMetrics m, TimeSpan? time, TimeSpan? cpu, (double P50, double P99) latency) => new()
    {
        Model = model,
        Auc = m.RocAuc,
        PrAuc = m.PrAuc,
        LogLoss = m.LogLoss,
        Brier = m.Brier,
        TrainSeconds = time?.TotalSeconds,
        TrainCpuSeconds = cpu?.TotalSeconds,
        ScoreP50Ms = time is null ? null : latency.P50,
        ScoreP99Ms = time is null ? null : latency.P99,
    };
}
