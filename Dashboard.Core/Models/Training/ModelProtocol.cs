using System.Diagnostics;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Evaluation;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;

namespace Dashboard.Core.Models.Training;

/// <summary>
/// The real-data protocol on in-memory records. Purchase: a random 80/20 split with seed 42, metrics on the
/// 20%. Cancellation: train on order dates before 2022-06-01, test on June 2022. Scoring latency is measured on
/// single what-if requests (features, prediction and contributions) over held-out rows.
/// </summary>
public static class ModelProtocol
{
    public static (PurchaseTrainingResult Result, ProtocolReport Report) RunPurchase(IReadOnlyList<PurchaseTransaction> transactions,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default, PurchaseTrainingOptions? options = null)
    {
        var result = ModelTraining.TrainPurchaseModels(transactions, options ?? PurchaseTrainingOptions.Protocol, progress, cancellationToken);
        var inputs = transactions.Where(t => t.Purchase is not null).Take(2000).Select(PurchaseInput.From).ToArray();
        return (result, Describe(result, inputs));
    }

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

    public static (CancellationTrainingResult Result, ProtocolReport Report) RunCancellation(IReadOnlyList<OrderLine> lines, bool includePromotionIds = false,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default, CancellationTrainingOptions? protocol = null)
    {
        var options = (protocol ?? CancellationTrainingOptions.Protocol) with { Features = new CancellationFeatureOptions { IncludePromotionIds = includePromotionIds } };
        var result = ModelTraining.TrainCancellationModels(lines, options, progress, cancellationToken);
        var inputs = lines.Where(l => l.Date >= options.TestFrom && CancellationInput.Label(l) is not null).Take(2000).Select(CancellationInput.From).ToArray();
        return (result, Describe(result, inputs));
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
