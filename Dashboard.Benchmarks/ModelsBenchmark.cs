using System.Text;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Training;

/// <summary>
/// The real-data protocol on a database holding the imported real files (bench/models.sh makes one): purchase (random 80/20
/// split, seed 42) and cancellation (train before June 2022, test on June), both model kinds side by side, with training and
/// scoring times. Prints one JSON report per task. Options:
///   --task purchase|cancellation   one task only
///   --promotion-ids                cancellation with promotion-ids switched on (the leakage check must fire)
///   --trees-only                   the linear model without its grid (one fit), to time the trees alone
///   --trees LEAVES:TREES:RATE      other tree settings (tuning)
///   --export DIR                   writes the exact split (purchase-split.csv, cancellation.csv) for bench/sklearn_models.py
/// </summary>
internal static class ModelsBenchmark
{
    public static async Task RunAsync(string databasePath, string[] args)
    {
        var task = Value(args, "--task");
        var includePromotionIds = args.Contains("--promotion-ids");
        var export = Value(args, "--export");
        var linear = args.Contains("--trees-only") ? new LinearSettings { L2 = [0.01f] } : null;
        var trees = Value(args, "--trees")?.Split(':') is { Length: 3 } t
            ? new TreeSettings
            {
                Leaves = int.Parse(t[0], CultureInfo.InvariantCulture),
                Trees = int.Parse(t[1], CultureInfo.InvariantCulture),
                LearningRate = double.Parse(t[2], CultureInfo.InvariantCulture),
            }
            : null;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var options = new DashboardStore(connectionString, ".").ContextOptions();

        if (task is null or "purchase")
        {
            await using var db = new DashboardDbContext(options);
            var load = Stopwatch.StartNew();
            var purchases = await Dashboard.Core.Models.Store.ModelTrainer.ReadPurchaseSourceAsync(db);
            Console.Error.WriteLine($"loaded {purchases.Count:N0} purchases in {load.ElapsedMilliseconds} ms");
            if (purchases.Count > 0)
            {
                var protocol = PurchaseTrainingOptions.Protocol;
                protocol = protocol with { Linear = linear ?? protocol.Linear, Trees = trees ?? protocol.Trees };
                if (export is not null)
                {
                    // the held-out flag of every labelled row, in import order (= the file's row order)
                    var (_, test) = ModelTraining.SplitPurchases(purchases, protocol);
                    var held = test.ToHashSet();
                    await File.WriteAllLinesAsync(Path.Combine(export, "purchase-split.csv"),
                        ["test", .. Enumerable.Range(0, purchases.Count).Select(r => held.Contains(r) ? "1" : "0")]);
                }
                Console.WriteLine(RunPurchase(purchases, protocol).ToJson());
            }
        }

        if (task is null or "cancellation")
        {
            await using var db = new DashboardDbContext(options);
            var load = Stopwatch.StartNew();
            // The app's own path: the orders frame with its model columns (promotion-ids included, for the leakage check).
            var lines = await Dashboard.Core.Models.Store.ModelTrainer.ReadCancellationSourceAsync(db);
            Console.Error.WriteLine($"loaded {lines.Count:N0} order lines in {load.ElapsedMilliseconds} ms");
            if (lines.Count > 0)
            {
                var protocol = CancellationTrainingOptions.Protocol;
                protocol = protocol with { Linear = linear ?? protocol.Linear, Trees = trees ?? protocol.Trees };
                if (export is not null)
                    await ExportCancellationAsync(Path.Combine(export, "cancellation.csv"), lines, protocol);
                Console.WriteLine(RunCancellation(lines, includePromotionIds, protocol).ToJson());
            }
        }
    }

    /// <summary>Purchase: a random 80/20 split with seed 42, metrics on the 20%; latency on up to 2,000 labelled rows.</summary>
    private static ProtocolReport RunPurchase(PurchaseSource source, PurchaseTrainingOptions protocol)
    {
        var result = ModelTraining.TrainPurchaseModels(source, protocol);
        var inputs = Enumerable.Range(0, Math.Min(2000, source.Count)).Select(source.Input).ToArray();
        return ModelProtocol.Describe(result, inputs);
    }

    /// <summary>Cancellation: train on order dates before the protocol's test month, test on it; latency on up to 2,000 held-out lines.</summary>
    private static ProtocolReport RunCancellation(CancellationSource source, bool includePromotionIds, CancellationTrainingOptions protocol)
    {
        var options = protocol with { Features = new CancellationFeatureOptions { IncludePromotionIds = includePromotionIds } };
        var result = ModelTraining.TrainCancellationModels(source, options);
        var testFrom = options.TestFrom!.Value.DayNumber;
        var inputs = source.LabelledRows().Where(r => source.Day.Span[r] >= testFrom).Take(2000).Select(source.Input).ToArray();
        return ModelProtocol.Describe(result, inputs);
    }

    /// <summary>The labelled lines of the protocol with their order-time inputs, label and held-out flag.</summary>
    private static async Task ExportCancellationAsync(string path, CancellationSource source, CancellationTrainingOptions protocol)
    {
        var (train, test, _, _) = ModelTraining.SplitCancellation(source, protocol);
        var csv = new StringBuilder("fulfilment,sales_channel,service_level,category,size,state,city,amount,b2b,weekday,label,test\n");
        foreach (var (row, held) in train.Select(r => (r, 0)).Concat(test.Select(r => (r, 1))))
        {
            var x = source.Input(row);
            string Text(string? v) => (v ?? "").Replace(",", " ", StringComparison.Ordinal).Trim().ToUpperInvariant();
            csv.Append(CultureInfo.InvariantCulture, $"{Text(x.Fulfilment)},{Text(x.SalesChannel)},{Text(x.ServiceLevel)},{Text(x.Category)},{Text(x.Size)},")
                .Append(CultureInfo.InvariantCulture, $"{Text(x.State)},{Text(x.City)},{x.Amount},{(x.B2B ? 1 : 0)},{(int)x.Weekday},")
                .Append(CultureInfo.InvariantCulture, $"{source.Label(row)},{held}\n");
        }
        await File.WriteAllTextAsync(path, csv.ToString());
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
