using Dashboard.Core.Imports;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Sample;
using Dashboard.Tests.Integration.Models;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Integration.Sample;

public class SampleDataGeneratorTests
{
    private static string Orders(int seed = 7)
    {
        var writer = new StringWriter();
        new SampleDataGenerator(seed).WriteAmazonOrders(writer, new DateOnly(2022, 4, 4), new DateOnly(2022, 7, 3));
        return writer.ToString();
    }

    [Fact]
    public void TheSameSeedWritesTheSameBytes()
    {
        Assert.Equal(Orders(), Orders());
        Assert.NotEqual(Orders(), Orders(seed: 8));
    }

    [Fact]
    public void ThreeMonthsOfOrdersImportCleanlyWithAWeekdayRhythmAndAboutOneLineInSevenCancelled()
    {
        using var db = new TempDatabase();
        var result = db.Import(Orders(), "sample.csv", new ImportOptions { IsSample = true });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(0, result.Rejected);
        Assert.Equal((new DateOnly(2022, 4, 4), new DateOnly(2022, 7, 3)), (result.FirstDate, result.LastDate));
        Assert.InRange(result.Inserted, 8_000, 14_000);
        var cancelledShare = (double)db.Scalar("SELECT COUNT(*) FROM order_lines WHERE status_group = 'Cancelled'") / result.Inserted;
        Assert.InRange(cancelledShare, 1 / 7.0 - 0.02, 1 / 7.0 + 0.02);
        // Sundays busier than Fridays, as the generator's rhythm says (strftime %w: 0 = Sunday, 5 = Friday).
        var sundays = db.Scalar("SELECT COUNT(*) FROM order_lines WHERE strftime('%w', order_date) = '0'");
        var fridays = db.Scalar("SELECT COUNT(*) FROM order_lines WHERE strftime('%w', order_date) = '5'");
        Assert.True(sundays > fridays * 1.1, $"{sundays} Sunday lines vs {fridays} Friday lines");
        Assert.True(db.Scalar("SELECT COUNT(DISTINCT category) FROM order_lines") >= 6);
        Assert.Equal(result.Inserted, db.Scalar("SELECT COUNT(*) FROM order_lines WHERE is_sample = TRUE"));
        // untidy state names are cleaned like real ones
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM order_lines WHERE state IN ('RJ', 'Orissa', 'New Delhi')"));
    }

    [Fact]
    public void PurchaseSamplesImportCleanlyInBothShapes()
    {
        using var db = new TempDatabase();
        var train = new StringWriter();
        new SampleDataGenerator().WritePurchases(train, 2_000);
        var score = new StringWriter();
        new SampleDataGenerator().WritePurchases(score, 300, toScore: true);

        var trained = db.Import(train.ToString(), "sample-purchases.csv", new ImportOptions { IsSample = true });
        var scored = db.Import(score.ToString(), "sample-score.csv", new ImportOptions { IsSample = true });

        Assert.Equal((DataFormat.Purchases, 2_000, 0), (trained.Format, trained.Inserted, trained.Rejected));
        Assert.Equal((DataFormat.PurchasesToScore, 300, 0), (scored.Format, scored.Inserted, scored.Rejected));
        Assert.InRange(db.Scalar("SELECT AVG(purchase) FROM purchases WHERE purchase IS NOT NULL"), 5_000, 14_000);
    }

    [Fact]
    public async Task ModelsTrainedOnTheSampleDataBeatTheirBaselinesVisiblyAndBecomeActive()
    {
        using var db = new TempDatabase();
        var purchases = new StringWriter();
        new SampleDataGenerator().WritePurchases(purchases, 2_000);
        Assert.True(db.Import(Orders(), "sample.csv", new ImportOptions { IsSample = true }).Succeeded);
        Assert.True(db.Import(purchases.ToString(), "sample-purchases.csv", new ImportOptions { IsSample = true }).Succeeded);
        var store = ModelTestData.Store(db);

        // the app's own training options, not the tests' small ones
        await new ModelTrainer(ModelTestData.Contexts(db), store, TimeProvider.System).TrainAllAsync();

        var history = await store.HistoryAsync();
        Assert.Equal(4, history.Count);
        Assert.All(history, m => Assert.True(m.IsActive, m.Decision));
        foreach (var m in history.Where(m => m.Kind == ModelKind.Cancellation))
        {
            Assert.True(m.Report.Classification!.RocAuc > 0.62, $"{m.ModelName} AUC {m.Report.Classification.RocAuc}");
            Assert.True(m.Report.Classification.Brier < m.Report.ClassificationBaseline!.Brier);
            // fulfilment and service level go together in the sample (as mostly in the real data): either may carry the effect
            Assert.True(m.Report.Importance.Take(3).Any(i => i.Feature is "fulfilment" or "service_level"),
                $"{m.ModelName}: " + string.Join(", ", m.Report.Importance.Select(i => $"{i.Feature} {i.Importance:0.0000}")));
        }
        foreach (var m in history.Where(m => m.Kind == ModelKind.Purchase))
            Assert.True(m.Report.Regression!.R2 > 0.5, $"{m.ModelName} R² {m.Report.Regression.R2}");
    }
}
