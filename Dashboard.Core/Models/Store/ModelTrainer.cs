using Dashboard.Core.Purchases;
using Dashboard.Core.Orders;
using Dashboard.Core.Data;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Training;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Models.Store;

/// <summary>
/// Trains both models of each kind from the stored rows (order lines with a known outcome; labelled purchases), judges each
/// against the active version on the same held-out rows and stores it (<see cref="ModelPromotion"/>). CPU-bound and
/// synchronous inside: call it from a background thread (the training service or the <c>train</c> command), never a circuit.
/// </summary>
public sealed class ModelTrainer(IDbContextFactory<DashboardDbContext> contexts, ModelStore store, TimeProvider time)
{
    /// <summary>Options the app trains with; tests make them smaller.</summary>
    public CancellationTrainingOptions CancellationOptions { get; init; } = new();

    public PurchaseTrainingOptions PurchaseOptions { get; init; } = new();

    /// <summary>
    /// How many held-out rows of each kind the report's scoring latency is measured on (<see cref="ModelProtocol.Latency"/>:
    /// four single calls each, with explanations). Tests make it smaller: on their small data it was most of a training run.
    /// </summary>
    public int LatencySample { get; init; } = 500;

    public async Task<TrainingRunResult> TrainAllAsync(IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        progress?.Report(new TrainingProgress("loading order lines", 0));
        var lines = await LoadCancellationSourceAsync(cancellationToken);
        var cancellation = await TrainCancellationAsync(lines, Scale(progress, "cancellation: ", 0.02, 0.5), cancellationToken);
        lines = null;
        progress?.Report(new TrainingProgress("loading purchases", 0.5));
        var purchases = await LoadPurchaseSourceAsync(cancellationToken);
        var purchase = await TrainPurchaseAsync(purchases, Scale(progress, "purchase: ", 0.52, 1), cancellationToken);
        progress?.Report(new TrainingProgress("done", 1));
        return new TrainingRunResult(cancellation, purchase);
    }

    public async Task<CancellationSource> LoadCancellationSourceAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ReadCancellationSourceAsync(db, cancellationToken);
    }

    /// <summary>
    /// The order lines as the models read them: the columns of an <see cref="OrdersFrame"/> loaded with its model columns (the same
    /// loader as the charts' frame, which leaves those columns out), not copied.
    /// </summary>
    public static async Task<CancellationSource> ReadCancellationSourceAsync(DashboardDbContext db, CancellationToken cancellationToken = default) =>
        CancellationSource.From(await OrdersFrame.LoadAsync(db, version: 0, modelColumns: true, cancellationToken));

    public async Task<PurchaseSource> LoadPurchaseSourceAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ReadPurchaseSourceAsync(db, cancellationToken);
    }

    /// <summary>
    /// The labelled purchases as the models read them: the columns of a <see cref="PurchasesFrame"/> loaded with its model columns,
    /// in import order: the random split shuffles positions, so the same rows give the same split (the protocol's, for one file).
    /// </summary>
    public static async Task<PurchaseSource> ReadPurchaseSourceAsync(DashboardDbContext db, CancellationToken cancellationToken = default) =>
        PurchaseSource.From(await PurchasesFrame.LoadAsync(db, version: 0, modelColumns: true, cancellationToken));

    public async Task<KindOutcome> TrainCancellationAsync(CancellationSource source, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var options = CancellationOptions;
        int[] train;
        try
        {
            (train, _, _, _) = ModelTraining.SplitCancellation(source, options);
        }
        catch (InvalidOperationException e)
        {
            return new KindOutcome(ModelKind.Cancellation, [], e.Message, null);
        }
        var result = await Task.Run(() => ModelTraining.TrainCancellationModels(source, options, progress, cancellationToken), cancellationToken);
        // Why promotion-ids stays out: the same check with it switched on (features only, no model is trained).
        var excluded = await Task.Run(() =>
        {
            var (_, x, y) = CancellationFeatures.FitTransform(source, train, options.Features with { IncludePromotionIds = true });
            return LeakageCheck.ForClassifier(x, y, CancellationFeatures.InputOf).Where(w => w.Input == "promotion_ids").ToArray();
        }, cancellationToken);

        var labelled = source.LabelledRows();
        var batches = Batches(labelled.Select(r => (long)source.Batch.Span[r]));
        var parameters = Parameters(options.Features, options.TestFrom, options.TestTo, null, null, options.Linear, options.Trees);
        var stored = new List<StoredModel>();
        foreach (var (algorithm, report) in new[] { (ModelAlgorithm.Linear, result.Linear), (ModelAlgorithm.Boosted, result.Trees) })
        {
            stored.Add(await StoreAsync(algorithm, report, result, source, batches, parameters, excluded, cancellationToken));
        }
        var testFrom = result.TestFrom.DayNumber;
        var sample = labelled.Where(r => source.Day.Span[r] >= testFrom).Take(LatencySample).Select(source.Input).ToArray();
        return new KindOutcome(ModelKind.Cancellation, stored, null, ModelProtocol.Describe(result, sample));
    }

    public async Task<KindOutcome> TrainPurchaseAsync(PurchaseSource source, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var options = PurchaseOptions;
        int[] test;
        try
        {
            (_, test) = ModelTraining.SplitPurchases(source, options);
        }
        catch (InvalidOperationException e)
        {
            return new KindOutcome(ModelKind.Purchase, [], e.Message, null);
        }
        var result = await Task.Run(() => ModelTraining.TrainPurchaseModels(source, options, progress, cancellationToken), cancellationToken);
        var batches = Batches(Enumerable.Range(0, source.Count).Select(r => (long)source.Batch.Span[r]));
        var parameters = Parameters(options.Features, null, null, options.TestFraction, options.Seed, options.Linear, options.Trees);
        var stored = new List<StoredModel>();
        foreach (var (algorithm, report) in new[] { (ModelAlgorithm.Linear, result.Linear), (ModelAlgorithm.Boosted, result.Trees) })
        {
            stored.Add(await StoreAsync(algorithm, report, result, source, test, batches, parameters, cancellationToken));
        }
        var sample = test.Take(LatencySample).Select(source.Input).ToArray();
        return new KindOutcome(ModelKind.Purchase, stored, null, ModelProtocol.Describe(result, sample));
    }

    /// <summary>Judges a trained cancellation model against the active one on the held-out lines of <paramref name="source"/> and stores it.</summary>
    public async Task<StoredModel> StoreAsync(ModelAlgorithm algorithm, CancellationModelReport report, CancellationTrainingResult result,
        CancellationSource source, string batches, string parameters, IReadOnlyList<LeakageWarning> excludedInputWarnings,
        CancellationToken cancellationToken = default)
    {
        var candidate = ModelTraining.EvaluateCancellation(report.Model, source, CancellationOptions);
        var active = await store.GetActiveAsync(ModelKind.Cancellation, algorithm, cancellationToken);
        var (activeModel, unreadable) = Readable(active, CancellationModel.Deserialize);
        var activeMetrics = activeModel is null ? null : ModelTraining.EvaluateCancellation(activeModel, source, CancellationOptions);
        var decision = await ReplaceUnreadableAsync(ModelPromotion.Decide(candidate, result.Baseline, activeMetrics, activeModel is null ? null : active?.Version),
            active, unreadable, cancellationToken);
        var modelReport = new ModelReport
        {
            TrainRows = result.TrainRows,
            TestRows = result.TestRows,
            TestFrom = result.TestFrom,
            TestTo = result.TestTo,
            TrainingSeconds = report.TrainingTime.TotalSeconds,
            TrainingCpuSeconds = report.TrainingCpuTime.TotalSeconds,
            Classification = candidate,
            ClassificationBaseline = result.Baseline,
            ClassificationOfActive = activeMetrics,
            Importance = report.Importance,
            LeakageWarnings = result.LeakageWarnings,
            ExcludedInputWarnings = excludedInputWarnings,
        };
        return await store.AddAsync(New(ModelKind.Cancellation, algorithm, report.Model.Kind, report.Model.Serialize(), batches, parameters, modelReport, decision),
            cancellationToken);
    }

    /// <summary>Judges a trained purchase model against the active one on the held-out rows of <paramref name="source"/> and stores it;
    /// its residual plot samples <paramref name="test"/>.</summary>
    public async Task<StoredModel> StoreAsync(ModelAlgorithm algorithm, PurchaseModelReport report, PurchaseTrainingResult result,
        PurchaseSource source, IReadOnlyList<int> test, string batches, string parameters, CancellationToken cancellationToken = default)
    {
        var candidate = ModelTraining.EvaluatePurchase(report.Model, source, PurchaseOptions);
        var active = await store.GetActiveAsync(ModelKind.Purchase, algorithm, cancellationToken);
        var (activeModel, unreadable) = Readable(active, PurchaseModel.Deserialize);
        var activeMetrics = activeModel is null ? null : ModelTraining.EvaluatePurchase(activeModel, source, PurchaseOptions);
        var decision = await ReplaceUnreadableAsync(ModelPromotion.Decide(candidate, result.Baseline, activeMetrics, activeModel is null ? null : active?.Version),
            active, unreadable, cancellationToken);
        var step = Math.Max(1, test.Count / 400);
        var picked = test.Where((_, i) => i % step == 0).Take(400).ToArray();
        var predictions = report.Model.PredictAmounts(source, picked);
        var residuals = picked.Select((r, i) =>
            new ResidualPoint(Math.Round(predictions[i], 1), Math.Round(source.Purchase.Span[r] - predictions[i], 1))).ToArray();
        var modelReport = new ModelReport
        {
            TrainRows = result.TrainRows,
            TestRows = result.TestRows,
            TrainingSeconds = report.TrainingTime.TotalSeconds,
            TrainingCpuSeconds = report.TrainingCpuTime.TotalSeconds,
            Regression = candidate,
            RegressionBaseline = result.Baseline,
            RegressionOfActive = activeMetrics,
            Residuals = residuals,
            IntervalLow = report.Model.ResidualLow,
            IntervalHigh = report.Model.ResidualHigh,
            IntervalCoverage = report.Model.IntervalCoverage,
            UsedIds = result.UsedIds,
            Importance = report.Importance,
            LeakageWarnings = result.LeakageWarnings,
        };
        return await store.AddAsync(New(ModelKind.Purchase, algorithm, report.Model.Kind, report.Model.Serialize(), batches, parameters, modelReport, decision),
            cancellationToken);
    }

    /// <summary>The active model loaded, or why it cannot be (stored in the format of our own trainers before ML.NET, or damaged).</summary>
    private static (T? Model, string? Unreadable) Readable<T>(StoredModel? active, Func<byte[], T> deserialize) where T : class
    {
        if (active is null)
            return (null, null);
        if (ModelStore.IsLegacyPayload(active.Payload))
            return (null, "the format of our own trainers from before ML.NET, which this version no longer reads");
        try
        {
            return (deserialize(active.Payload), null);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or FormatException)
        {
            return (null, $"a form this version cannot read ({e.Message})");
        }
    }

    /// <summary>An unreadable active version is replaced (or, when the new model is not activated, switched off: nothing can score with
    /// it), and the decision says so, so that the training history shows why this model was retrained.</summary>
    private async Task<ModelPromotion.Decision> ReplaceUnreadableAsync(ModelPromotion.Decision decision, StoredModel? active, string? unreadable,
        CancellationToken cancellationToken)
    {
        if (active is null || unreadable is null)
            return decision;
        if (!decision.Activate)
            await store.DeactivateAsync(active.Id, cancellationToken);
        return decision with { Reason = $"{decision.Reason} Retrained because active version {active.Version} was stored in {unreadable}." };
    }

    private StoredModel New(ModelKind kind, ModelAlgorithm algorithm, string name, byte[] payload, string batches, string parameters, ModelReport report,
        ModelPromotion.Decision decision) => new()
    {
        Kind = kind,
        Algorithm = algorithm,
        ModelName = name,
        TrainedAt = time.GetUtcNow(),
        TrainingBatches = batches,
        ParametersJson = parameters,
        ReportJson = report.ToJson(),
        IsActive = decision.Activate,
        Decision = decision.Reason,
        Payload = payload,
    };

    private static string Batches(IEnumerable<long> ids) => ModelReport.Serialize(ids.Distinct().Order().ToArray());

    /// <summary>The options as JSON; trainers are written through their runtime type, so any implementation shows its settings.</summary>
    private static string Parameters(object features, DateOnly? testFrom, DateOnly? testTo, double? testFraction, int? seed, object linear, object trees) =>
        ModelReport.Serialize(new Dictionary<string, object?>
        {
            ["features"] = features,
            ["test_from"] = testFrom,
            ["test_to"] = testTo,
            ["test_fraction"] = testFraction,
            ["seed"] = seed,
            ["linear"] = linear,
            ["trees"] = trees,
        });

    private static IProgress<TrainingProgress>? Scale(IProgress<TrainingProgress>? outer, string prefix, double from, double to) =>
        outer is null ? null : new ScaledProgress(outer, prefix, from, to);

    private sealed class ScaledProgress(IProgress<TrainingProgress> outer, string prefix, double from, double to) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => outer.Report(new TrainingProgress(prefix + value.Stage, from + (to - from) * Math.Clamp(value.Fraction, 0, 1)));
    }
}
