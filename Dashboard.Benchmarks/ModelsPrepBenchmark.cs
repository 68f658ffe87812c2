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
            var lines = await MeasureAsync(round, "cancellation rows", () => ModelTrainer.ReadCancellationSourceAsync(db));
            await MeasureAsync(round, "cancellation features", () =>
            {
                var (train, test, _, _) = ModelTraining.SplitCancellation(lines, cancellation);
                var (features, x, _) = CancellationFeatures.FitTransform(lines, train, cancellation.Features);
                var held = features.Transform(lines, test);
                return Task.FromResult((x.Rows, held.Rows));
            });
            lines = null;
            var purchases = await MeasureAsync(round, "purchase rows", () => ModelTrainer.ReadPurchaseSourceAsync(db));
            await MeasureAsync(round, "purchase features", () =>
            {
                var (train, test) = ModelTraining.SplitPurchases(purchases, purchase);
                var (features, x, _) = PurchaseFeatures.FitTransform(purchases, train, purchase.Features);
                var held = features.Transform(purchases, test);
                return Task.FromResult((x.Rows, held.Rows));
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
