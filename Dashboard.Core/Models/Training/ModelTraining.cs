using System.Diagnostics;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Evaluation;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;

namespace Dashboard.Core.Models.Training;

/// <summary>
/// Trains both model kinds for a task and judges them on held-out rows: the entry point for the background
/// training service and the <c>train</c> command. Synchronous and CPU-bound: the trees (<see cref="TreeSettings.Threads"/>)
/// and the SDCA regression train on one thread by default; the L-BFGS logistic regression uses ML.NET's default, one thread per
/// core. Call it from a background thread. Progress runs from 0 to 1 across the stages; cancellation is checked between and within them.
/// </summary>
public static class ModelTraining
{
    public static CancellationTrainingResult TrainCancellationModels(IReadOnlyList<OrderLine> lines, CancellationTrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new CancellationTrainingOptions();
        progress?.Report(new TrainingProgress("features", 0));
        var clock = Stopwatch.StartNew();
        var (train, test, testFrom, testTo) = SplitCancellation(lines, options);
        var (features, x, y, _) = CancellationFeatures.FitTransform(train, options.Features);
        var testRows = test.Select(l => features.Transform(CancellationInput.From(l))).ToArray();
        var testLabels = test.Select(l => CancellationInput.Label(l)!.Value).ToArray();
        var leaks = LeakageCheck.ForClassifier(x, y, CancellationFeatures.InputOf);
        var featureTime = clock.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();

        var linear = TrainClassifier(features, x, y, testRows, testLabels, Stage(progress, "logistic regression", 0.05, 0.35), cancellationToken,
            (p, c) => TabularTrainer.TrainLinear(TabularTask.BinaryClassification, x, y, options.Linear, options.Features.Seed, p, c));
        var trees = TrainClassifier(features, x, y, testRows, testLabels, Stage(progress, "boosted trees", 0.35, 1.0), cancellationToken,
            (p, c) => TabularTrainer.TrainTrees(TabularTask.BinaryClassification, x, y, options.Trees, options.Features.Seed, p, c));
        progress?.Report(new TrainingProgress("done", 1));
        return new CancellationTrainingResult(linear, trees, ClassificationMetrics.BaseRateBaseline(y, testLabels), leaks, x.Rows, testLabels.Length,
            testFrom, testTo, featureTime);
    }

    public static PurchaseTrainingResult TrainPurchaseModels(IReadOnlyList<PurchaseTransaction> transactions, PurchaseTrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new PurchaseTrainingOptions();
        progress?.Report(new TrainingProgress("features", 0));
        var clock = Stopwatch.StartNew();
        var (train, test) = SplitPurchases(transactions, options);
        var (features, x, y, _) = PurchaseFeatures.FitTransform(train, options.Features);
        var testRows = test.Select(t => features.Transform(PurchaseInput.From(t))).ToArray();
        var testLabels = test.Select(t => (double)t.Purchase!.Value).ToArray();
        var leaks = LeakageCheck.ForRegression(x, y, PurchaseFeatures.InputOf);
        var featureTime = clock.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();

        var linear = TrainRegression(features, x, testRows, testLabels, options.IntervalCoverage, Stage(progress, "linear regression", 0.1, 0.3),
            cancellationToken, (p, c) => TabularTrainer.TrainLinear(TabularTask.Regression, x, y, options.Linear, options.Seed, p, c));
        var trees = TrainRegression(features, x, testRows, testLabels, options.IntervalCoverage, Stage(progress, "boosted trees", 0.3, 1.0),
            cancellationToken, (p, c) => TabularTrainer.TrainTrees(TabularTask.Regression, x, y, options.Trees, options.Seed, p, c));
        progress?.Report(new TrainingProgress("done", 1));
        return new PurchaseTrainingResult(linear, trees, RegressionMetrics.MeanBaseline(y, testLabels), leaks, x.Rows, testLabels.Length,
            features.User is not null || features.Product is not null, featureTime);
    }

    /// <summary>Scores an existing model (e.g. the active one) on the held-out lines these options pick, so that a new model can be
    /// compared with it on the same rows. A model trained on some of those rows will look better than it is.</summary>
    public static ClassificationMetrics EvaluateCancellation(CancellationModel model, IReadOnlyList<OrderLine> lines, CancellationTrainingOptions? options = null)
    {
        var (_, test, _, _) = SplitCancellation(lines, options ?? new CancellationTrainingOptions());
        return ClassificationMetrics.Compute(test.Select(l => CancellationInput.Label(l)!.Value).ToArray(),
            model.PredictProbabilities(test.Select(CancellationInput.From)));
    }

    /// <summary>Scores an existing model on the held-out rows these options pick (see <see cref="EvaluateCancellation"/>).</summary>
    public static RegressionMetrics EvaluatePurchase(PurchaseModel model, IReadOnlyList<PurchaseTransaction> transactions, PurchaseTrainingOptions? options = null)
    {
        var (_, test) = SplitPurchases(transactions, options ?? new PurchaseTrainingOptions());
        return RegressionMetrics.Compute(test.Select(t => (double)t.Purchase!.Value).ToArray(),
            model.PredictAmounts(test.Select(PurchaseInput.From)));
    }

    /// <summary>Labelled lines before the held-out period, and those in it.</summary>
    public static (List<OrderLine> Train, List<OrderLine> Test, DateOnly TestFrom, DateOnly TestTo) SplitCancellation(
        IReadOnlyList<OrderLine> lines, CancellationTrainingOptions options)
    {
        var labelled = lines.Where(l => CancellationInput.Label(l) is not null).ToList();
        if (labelled.Count == 0)
            throw new InvalidOperationException("There are no order lines with a known outcome (cancelled, shipped, delivered or returned) and an amount.");
        var testFrom = options.TestFrom ?? FirstOfMonth(labelled.Max(l => l.Date));
        var testTo = options.TestTo ?? testFrom.AddMonths(1);
        var train = labelled.Where(l => l.Date < testFrom).ToList();
        var test = labelled.Where(l => l.Date >= testFrom && l.Date < testTo).ToList();
        if (train.Count == 0 || test.Count == 0)
            throw new InvalidOperationException($"Training needs labelled lines before {testFrom:yyyy-MM-dd} and in [{testFrom:yyyy-MM-dd}, {testTo:yyyy-MM-dd}); found {train.Count} and {test.Count}.");
        return (train, test, testFrom, testTo);
    }

    /// <summary>Rows with a purchase amount, shuffled with the options' seed and cut into training and held-out parts.</summary>
    public static (List<PurchaseTransaction> Train, List<PurchaseTransaction> Test) SplitPurchases(
        IReadOnlyList<PurchaseTransaction> transactions, PurchaseTrainingOptions options)
    {
        var labelled = transactions.Where(t => t.Purchase is not null).ToList();
        if (labelled.Count < 10)
            throw new InvalidOperationException($"Training needs purchase rows with an amount; found {labelled.Count}.");
        var order = Enumerable.Range(0, labelled.Count).ToArray();
        new Random(options.Seed).Shuffle(order);
        var cut = (int)Math.Round(labelled.Count * (1 - options.TestFraction));
        return (order[..cut].Select(i => labelled[i]).ToList(), order[cut..].Select(i => labelled[i]).ToList());
    }

    private static CancellationModelReport TrainClassifier(CancellationFeatures features, FeatureMatrix x, double[] y, float[][] testRows,
        double[] testLabels, IProgress<double> progress, CancellationToken cancellationToken, Func<IProgress<double>, CancellationToken, TabularModel> train)
    {
        var cpu = CpuTime();
        var clock = Stopwatch.StartNew();
        var tabular = train(progress, cancellationToken);
        var time = clock.Elapsed;
        cpu = CpuTime() - cpu;
        var importance = Importance(tabular, testRows, testLabels, CancellationFeatures.InputOf);
        var model = new CancellationModel(features, tabular, importance);
        var probabilities = tabular.PredictBatch(testRows);
        return new CancellationModelReport(model, ClassificationMetrics.Compute(testLabels, probabilities), importance, time, cpu);
    }

    private static PurchaseModelReport TrainRegression(PurchaseFeatures features, FeatureMatrix x, float[][] testRows, double[] testLabels,
        double coverage, IProgress<double> progress, CancellationToken cancellationToken, Func<IProgress<double>, CancellationToken, TabularModel> train)
    {
        var cpu = CpuTime();
        var clock = Stopwatch.StartNew();
        var tabular = train(progress, cancellationToken);
        var time = clock.Elapsed;
        cpu = CpuTime() - cpu;
        var importance = Importance(tabular, testRows, testLabels, PurchaseFeatures.InputOf);
        var predictions = tabular.PredictBatch(testRows);
        var residuals = testLabels.Select((v, i) => v - predictions[i]).Order().ToArray();
        var low = Quantile(residuals, (1 - coverage) / 2);
        var high = Quantile(residuals, 1 - (1 - coverage) / 2);
        var hits = testLabels.Where((v, i) => v >= predictions[i] + low && v <= predictions[i] + high).Count();
        var model = new PurchaseModel(features, tabular, importance, low, high, coverage);
        return new PurchaseModelReport(model, RegressionMetrics.Compute(testLabels, predictions), importance, time, cpu,
            testLabels.Length == 0 ? double.NaN : hits / (double)testLabels.Length);
    }

    /// <summary>Permutation importance by input on at most <see cref="ImportanceRows"/> held-out rows (two scoring passes per input),
    /// computed once per training and stored with the model.</summary>
    private static IReadOnlyList<FeatureImportance> Importance(TabularModel model, float[][] testRows, double[] testLabels, Func<string, string> inputOf)
    {
        var schema = model.Layout.Schema;
        var step = Math.Max(1, testRows.Length / ImportanceRows);
        var picked = Enumerable.Range(0, testRows.Length).Where(i => i % step == 0).Take(ImportanceRows).ToArray();
        if (picked.Length == 0 || (model.Task == TabularTask.BinaryClassification && picked.Select(i => testLabels[i]).Distinct().Count() < 2))
            return [];
        var values = new float[picked.Length * schema.Count];
        for (var i = 0; i < picked.Length; i++)
            testRows[picked[i]].CopyTo(values.AsSpan(i * schema.Count));
        return model.PermutationImportance(new FeatureMatrix(schema, values, picked.Length), picked.Select(i => testLabels[i]).ToArray(), inputOf);
    }

    private const int ImportanceRows = 3000;

    private static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
            return 0;
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static DateOnly FirstOfMonth(DateOnly date) => new(date.Year, date.Month, 1);

    private static IProgress<double> Stage(IProgress<TrainingProgress>? progress, string name, double from, double to) =>
        new StageProgress(progress, name, from, to);

    private sealed class StageProgress(IProgress<TrainingProgress>? outer, string name, double from, double to) : IProgress<double>
    {
        public void Report(double value) => outer?.Report(new TrainingProgress(name, from + (to - from) * Math.Clamp(value, 0, 1)));
    }
}
