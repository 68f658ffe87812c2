using System.Text;
using Dashboard.Core.Imports;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Sample;

/// <summary>
/// On a first start with an empty store, writes the built-in sample data through the importer (flagged as
/// sample), so that the dashboard works before anyone has uploaded a file. The first real file of a format
/// replaces that format's sample rows.
/// </summary>
public sealed class SampleDataSeeder(ImportService imports, TimeProvider time, Analytics.DatasetSummaryQuery summary, ILogger<SampleDataSeeder> logger)
{
    public const int SampleDays = 91;
    public const int SamplePurchases = 30_000;
    public const int SamplePurchasesToScore = 5_000;

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        var stored = await summary.GetAsync(cancellationToken);
        if (stored.Batches > 0)
        {
            return; // real data has been imported at some point: never bring the samples back
        }
        var generator = new SampleDataGenerator();
        if (stored.Orders.Rows == 0)
        {
            var to = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
            Seed("sample-orders.csv", w => generator.WriteAmazonOrders(w, to.AddDays(-(SampleDays - 1)), to), cancellationToken);
        }
        if (stored.Purchases.Rows == 0 && stored.PurchasesToScore.Rows == 0)
        {
            Seed("sample-purchases.csv", w => generator.WritePurchases(w, SamplePurchases), cancellationToken);
            Seed("sample-purchases-to-score.csv", w => generator.WritePurchases(w, SamplePurchasesToScore, toScore: true), cancellationToken);
        }
    }

    private void Seed(string name, Action<TextWriter> write, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        {
            write(writer);
        }
        buffer.Position = 0;
        var result = imports.Import(buffer, name, new ImportOptions { IsSample = true }, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The built-in sample data could not be written: {result.Error}");
        }
        logger.LogInformation("No data yet: wrote {Rows} rows of sample data ({Name})", result.Inserted, name);
    }
}
