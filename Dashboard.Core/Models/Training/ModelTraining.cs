using System.Diagnostics;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Evaluation;

namespace Dashboard.Core.Models.Training;

/// <summary>
/// Trains both model kinds for a task and judges them on held-out rows: the entry point for the background
/// training service and the <c>train</c> command. Synchronous and CPU-bound: the trees (<see cref="TreeSettings.Threads"/>)
/// and the SDCA regression train on one thread by default; the L-BFGS logistic regression uses ML.NET's default, one thread per
/// core. Call it from a background thread. Progress runs from 0 to 1 across the stages; cancellation is checked between and within them.
/// </summary>
public static class ModelTraining
{
    public static CancellationTrainingResult TrainCancellationModels(CancellationSource source, CancellationTrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new CancellationTrainingOptions();
        progress?.Report(new TrainingProgress("features", 0));
        var clock = Stopwatch.StartNew();
        var (train, test, testFrom, testTo) = SplitCancellation(source, options);
        var (features, x, y) = CancellationFeatures.FitTransform(source, train, options.Features);
        var testX = features.Transform(source, test);
        var testLabels = Array.ConvertAll(test, r => source.Label(r)!.Value);
        var leaks = LeakageCheck.ForClassifier(x, y, CancellationFeatures.InputOf);
        var featureTime = clock.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();

        var linear = TrainClassifier(features, testX, testLabels, Stage(progress, "logistic regression", 0.05, 0.35), cancellationToken,
            (p, c) => TabularTrainer.TrainLinear(TabularTask.BinaryClassification, x, y, options.Linear, options.Features.Seed, p, c));
        var trees = TrainClassifier(features, testX, testLabels, Stage(progress, "boosted trees", 0.35, 1.0), cancellationToken,
            (p, c) => TabularTrainer.TrainTrees(TabularTask.BinaryClassification, x, y, options.Trees, options.Features.Seed, p, c));
        progress?.Report(new TrainingProgress("done", 1));
        return new CancellationTrainingResult(linear, trees, ClassificationMetrics.BaseRateBaseline(y, testLabels), leaks, x.Rows, testLabels.Length,
            testFrom, testTo, featureTime);
    }

    public static PurchaseTrainingResult TrainPurchaseModels(PurchaseSource source, PurchaseTrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new PurchaseTrainingOptions();
        progress?.Report(new TrainingProgress("features", 0));
        var clock = Stopwatch.StartNew();
        var (train, test) = SplitPurchases(source, options);
        var (features, x, y) = PurchaseFeatures.FitTransform(source, train, options.Features);
        var testX = features.Transform(source, test);
        var testLabels = Array.ConvertAll(test, r => (double)source.Purchase.Span[r]);
        var leaks = LeakageCheck.ForRegression(x, y, PurchaseFeatures.InputOf);
        var featureTime = clock.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();

        var linear = TrainRegression(features, testX, testLabels, options.IntervalCoverage, Stage(progress, "linear regression", 0.1, 0.3),
            cancellationToken, (p, c) => TabularTrainer.TrainLinear(TabularTask.Regression, x, y, options.Linear, options.Seed, p, c));
        var trees = TrainRegression(features, testX, testLabels, options.IntervalCoverage, Stage(progress, "boosted trees", 0.3, 1.0),
            cancellationToken, (p, c) => TabularTrainer.TrainTrees(TabularTask.Regression, x, y, options.Trees, options.Seed, p, c));
        progress?.Report(new TrainingProgress("done", 1));
        return new PurchaseTrainingResult(linear, trees, RegressionMetrics.MeanBaseline(y, testLabels), leaks, x.Rows, testLabels.Length,
            features.User is not null || features.Product is not null, featureTime);
    }

    /// <summary>Scores an existing model (e.g. the active one) on the held-out lines these options pick, so that a new model can be
    /// compared with it on the same rows. A model trained on some of those rows will look better than it is.</summary>
    public static ClassificationMetrics EvaluateCancellation(CancellationModel model, CancellationSource source, CancellationTrainingOptions? options = null)
    {
        var (_, test, _, _) = SplitCancellation(source, options ?? new CancellationTrainingOptions());
        return ClassificationMetrics.Compute(Array.ConvertAll(test, r => source.Label(r)!.Value), model.PredictProbabilities(source, test));
    }

    /// <summary>Scores an existing model on the held-out rows these options pick (see <see cref="EvaluateCancellation"/>).</summary>
    public static RegressionMetrics EvaluatePurchase(PurchaseModel model, PurchaseSource source, PurchaseTrainingOptions? options = null)
    {
        var (_, test) = SplitPurchases(source, options ?? new PurchaseTrainingOptions());
        return RegressionMetrics.Compute(Array.ConvertAll(test, r => (double)source.Purchase.Span[r]), model.PredictAmounts(source, test));
    }

    /// <summary>The rows of the labelled lines (<see cref="CancellationSource.LabelledRows"/>, by id) before the held-out period, and
    /// those in it.</summary>
    public static (int[] Train, int[] Test, DateOnly TestFrom, DateOnly TestTo) SplitCancellation(CancellationSource source, CancellationTrainingOptions options)
    {
        var labelled = source.LabelledRows();
        if (labelled.Length == 0)
            throw new InvalidOperationException("There are no order lines with a known outcome (cancelled, shipped, delivered or returned) and an amount.");
        var days = source.Day.Span;
        var maxDay = int.MinValue;
        foreach (var r in labelled)
            maxDay = Math.Max(maxDay, days[r]);
        var testFrom = options.TestFrom ?? FirstOfMonth(DateOnly.FromDayNumber(maxDay));
        var testTo = options.TestTo ?? testFrom.AddMonths(1);
        var (from, to) = (testFrom.DayNumber, testTo.DayNumber);
        var train = Array.FindAll(labelled, r => source.Day.Span[r] < from);
        var test = Array.FindAll(labelled, r => source.Day.Span[r] >= from && source.Day.Span[r] < to);
        if (train.Length == 0 || test.Length == 0)
            throw new InvalidOperationException($"Training needs labelled lines before {testFrom:yyyy-MM-dd} and in [{testFrom:yyyy-MM-dd}, {testTo:yyyy-MM-dd}); found {train.Length} and {test.Length}.");
        return (train, test, testFrom, testTo);
    }

    /// <summary>The rows (all labelled, in store order) shuffled with the options' seed and cut into training and held-out parts.</summary>
    public static (int[] Train, int[] Test) SplitPurchases(PurchaseSource source, PurchaseTrainingOptions options)
    {
        if (source.Count < 10)
            throw new InvalidOperationException($"Training needs purchase rows with an amount; found {source.Count}.");
        var order = Enumerable.Range(0, source.Count).ToArray();
        new Random(options.Seed).Shuffle(order);
        var cut = (int)Math.Round(source.Count * (1 - options.TestFraction));
        return (order[..cut], order[cut..]);
    }

    private static CancellationModelReport TrainClassifier(CancellationFeatures features, FeatureMatrix testRows, double[] testLabels, IProgress<double> progress, CancellationToken cancellationToken, Func<IProgress<double>, CancellationToken, TabularModel> train)
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

    private static PurchaseModelReport TrainRegression(PurchaseFeatures features, FeatureMatrix testRows, double[] testLabels,
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
    private static IReadOnlyList<FeatureImportance> Importance(TabularModel model, FeatureMatrix testRows, double[] testLabels, Func<string, string> inputOf)
    {
        var step = Math.Max(1, testRows.Rows / ImportanceRows);
        var picked = Enumerable.Range(0, testRows.Rows).Where(i => i % step == 0).Take(ImportanceRows).ToArray();
        if (picked.Length == 0 || (model.Task == TabularTask.BinaryClassification && picked.Select(i => testLabels[i]).Distinct().Count() < 2))
            return [];
        return model.PermutationImportance(testRows.Subset(picked), picked.Select(i => testLabels[i]).ToArray(), inputOf);
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
