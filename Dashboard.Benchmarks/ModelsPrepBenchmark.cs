using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Models.Training;

/// <summary>
/// The models' data preparation alone, as the app's training does it, without training: the rows from the store (the frame
/// loaded with its model columns) and the features (the split, the fitted encodings and the training and held-out matrices).
/// Prints the wall time and the bytes allocated of each step, for each round. Usage: models-prep DB [ROUNDS]
/// </summary>
internal static class ModelsPrepBenchmark
{
    public static async Task RunAsync(string databasePath, int rounds)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var options = new DashboardStore(connectionString, ".").ContextOptions();
        var cancellation = CancellationTrainingOptions.Protocol;
        var purchase = PurchaseTrainingOptions.Protocol;
        for (var round = 1; round <= rounds; round++)
        {
            await using var db = new DashboardDbContext(options);
            var lines = await MeasureAsync(round, "cancellation rows", () => ModelTrainer.ReadOrderLinesAsync(db, labelledOnly: true));
            await MeasureAsync(round, "cancellation features", () =>
            {
                var (train, test, _, _) = ModelTraining.SplitCancellation(lines, cancellation);
                var (features, x, _, _) = CancellationFeatures.FitTransform(train, cancellation.Features);
                var held = test.Select(l => features.Transform(CancellationInput.From(l))).ToArray();
                return Task.FromResult((x.Rows, held.Length));
            });
            lines = null;
            var purchases = await MeasureAsync(round, "purchase rows", () => ModelTrainer.ReadPurchasesAsync(db));
            await MeasureAsync(round, "purchase features", () =>
            {
                var (train, test) = ModelTraining.SplitPurchases(purchases, purchase);
                var (features, x, _, _) = PurchaseFeatures.FitTransform(train, purchase.Features);
                var held = test.Select(t => features.Transform(PurchaseInput.From(t))).ToArray();
                return Task.FromResult((x.Rows, held.Length));
            });
        }
    }

    private static async Task<T> MeasureAsync<T>(int round, string step, Func<Task<T>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = await run();
        var ms = clock.Elapsed.TotalMilliseconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}  {step,-22} {ms,8:F0} ms  {allocated,14:N0} bytes allocated"));
        return result;
    }
}
