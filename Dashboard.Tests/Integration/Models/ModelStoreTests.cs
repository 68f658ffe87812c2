using Dashboard.Tests.Support;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Scoring;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Models.Training;

namespace Dashboard.Tests.Integration.Models;

[TestDuration(54)]
public class ModelStoreTests
{
    [Fact]
    public async Task TrainingStoresBothModelsOfEachKindActiveAndTheyBeatTheirBaselines()
    {
        using var db = ModelTestData.Create();
        var store = ModelTestData.Store(db);

        var run = await ModelTestData.Trainer(db, store).TrainAllAsync();

        Assert.Null(run.Cancellation.Skipped);
        Assert.Null(run.Purchase.Skipped);
        var history = await store.HistoryAsync();
        Assert.Equal(4, history.Count);
        Assert.All(history, m => Assert.True(m.IsActive, m.Decision));
        Assert.All(history, m => Assert.Equal(1, m.Version));
        foreach (var m in history.Where(m => m.Kind == ModelKind.Cancellation))
        {
            Assert.True(m.Report.Classification!.RocAuc > 0.7, $"{m.Algorithm} AUC {m.Report.Classification.RocAuc}");
            Assert.True(m.Report.Classification.LogLoss < m.Report.ClassificationBaseline!.LogLoss);
            Assert.Equal(10, m.Report.Classification.Calibration.Count);
            Assert.Equal([1L], m.TrainingBatches);
            Assert.Contains(m.Report.ExcludedInputWarnings, w => w.Input == "promotion_ids");
        }
        foreach (var m in history.Where(m => m.Kind == ModelKind.Purchase))
        {
            Assert.True(m.Report.Regression!.Rmse < m.Report.RegressionBaseline!.Rmse);
            Assert.NotEmpty(m.Report.Residuals!);
            Assert.Equal([2L], m.TrainingBatches);
        }
    }

    [Fact]
    public async Task AStoredModelReloadsAndPredictsIdentically()
    {
        using var db = ModelTestData.Create();
        var store = ModelTestData.Store(db);
        var trainer = ModelTestData.Trainer(db, store);
        var lines = await trainer.LoadCancellationSourceAsync();
        var result = ModelTraining.TrainCancellationModels(lines, ModelTestData.CancellationOptions);
        await trainer.StoreAsync(ModelAlgorithm.Boosted, result.Trees, result, lines, "[1]", "{}", []);
        var purchases = await trainer.LoadPurchaseSourceAsync();
        var purchaseResult = ModelTraining.TrainPurchaseModels(purchases, ModelTestData.PurchaseOptions);
        await trainer.StoreAsync(ModelAlgorithm.Linear, purchaseResult.Linear, purchaseResult, purchases, Enumerable.Range(0, 10).ToArray(), "[2]", "{}");

        var reloaded = await new ActiveModels(ModelTestData.Store(db), TimeProvider.System).GetAsync();

        Assert.NotNull(reloaded.CancellationBoosted);
        Assert.Null(reloaded.CancellationLinear);
        foreach (var row in lines.LabelledRows().Take(300))
        {
            var input = lines.Input(row);
            Assert.Equal(result.Trees.Model.PredictProbability(input), reloaded.CancellationBoosted.Model.PredictProbability(input));
        }
        foreach (var row in Enumerable.Range(0, Math.Min(300, purchases.Count)))
        {
            var input = purchases.Input(row);
            Assert.Equal(purchaseResult.Linear.Model.Predict(input).Amount, reloaded.PurchaseLinear!.Model.Predict(input).Amount);
        }
    }

    [Fact]
    public async Task AModelWorseThanTheActiveOneOnTheSameHeldOutRowsIsKeptButNotActivated()
    {
        using var db = ModelTestData.Create();
        var store = ModelTestData.Store(db);
        var trainer = ModelTestData.Trainer(db, store);
        var lines = await trainer.LoadCancellationSourceAsync();
        var good = ModelTraining.TrainCancellationModels(lines, ModelTestData.CancellationOptions);
        var first = await trainer.StoreAsync(ModelAlgorithm.Boosted, good.Trees, good, lines, "[1]", "{}", []);
        Assert.True(first.IsActive);

        // Same rows, labels shuffled: the model learns nothing real, and is judged on the true held-out labels.
        var random = new Random(3);
        var shuffled = lines with { Status = lines.Status.ToArray().OrderBy(_ => random.Next()).ToArray() };
        var bad = ModelTraining.TrainCancellationModels(shuffled, ModelTestData.CancellationOptions);
        var second = await trainer.StoreAsync(ModelAlgorithm.Boosted, bad.Trees, bad, lines, "[1]", "{}", []);

        Assert.False(second.IsActive);
        Assert.Equal(2, second.Version);
        // a model that learnt from shuffled labels is no better than the base rate: that rule speaks first
        Assert.Contains("not activated", second.Decision, StringComparison.OrdinalIgnoreCase);
        var active = await store.GetActiveAsync(ModelKind.Cancellation, ModelAlgorithm.Boosted);
        Assert.Equal(first.Id, active!.Id);
        var history = await store.HistoryAsync();
        Assert.Equal(second.Decision, history.Single(m => m.Id == second.Id).Decision);
        Assert.NotNull(history.Single(m => m.Id == second.Id).Report.ClassificationOfActive);
    }

    [Fact]
    public async Task ANotWorseModelBecomesTheOnlyActiveVersionAndTheCacheReloads()
    {
        using var db = ModelTestData.Create();
        var store = ModelTestData.Store(db);
        var active = new ActiveModels(store, TimeProvider.System);
        var trainer = ModelTestData.Trainer(db, store);
        await trainer.TrainAllAsync();
        var before = await active.GetAsync();
        var changed = 0;
        active.Changed += () => changed++;

        await trainer.TrainAllAsync(); // deterministic: the same metrics, and a tie activates the newer model

        Assert.True(changed > 0);
        var after = await active.GetAsync();
        Assert.Equal(1, before.CancellationBoosted!.Version);
        Assert.Equal(2, after.CancellationBoosted!.Version);
        Assert.Equal(2, after.PurchaseLinear!.Version);
        var history = await store.HistoryAsync();
        Assert.Equal(8, history.Count);
        Assert.All(history.GroupBy(m => (m.Kind, m.Algorithm)), g => Assert.Single(g, m => m.IsActive));
    }

    [Fact]
    public async Task WhatIfScoresAChangedInputDifferentlyAndHintsAtTheFulfilment()
    {
        using var db = ModelTestData.Create();
        var store = ModelTestData.Store(db);
        await ModelTestData.Trainer(db, store).TrainAllAsync();
        var models = await new ActiveModels(store, TimeProvider.System).GetAsync();
        var merchant = new CancellationInput { City = "PUNE", State = "MAHARASHTRA", Amount = 500, Category = "Set", Size = "M", Fulfilment = "Merchant",
            SalesChannel = "Amazon.in", ServiceLevel = "Expedited", Weekday = DayOfWeek.Monday };

        var risky = WhatIfService.Score(models, merchant)!;
        var safe = WhatIfService.Score(models, merchant with { Fulfilment = "Amazon" })!;

        Assert.True(risky.Prediction.Probability > safe.Prediction.Probability + 0.15, $"{risky.Prediction.Probability} vs {safe.Prediction.Probability}");
        Assert.Equal(CancellationFeatures.Fulfilment, risky.Lower[0].Input);
        Assert.Equal("Amazon", risky.Lower[0].Value);
        var amount = WhatIfService.Score(models, PurchaseInput.From(ModelTestData.Purchases(1, 1).First()))!;
        Assert.True(amount.Prediction.Low <= amount.Prediction.Amount && amount.Prediction.Amount <= amount.Prediction.High);
    }

    [Fact]
    public async Task BatchScoringWritesEveryRowToScoreWithBothPredictions()
    {
        using var db = ModelTestData.Create();
        var store = ModelTestData.Store(db);
        await ModelTestData.Trainer(db, store).TrainAllAsync();
        var scoring = new BatchScoring(ModelTestData.Contexts(db), new ActiveModels(store, TimeProvider.System));
        using var output = new MemoryStream();

        Assert.True(await scoring.WritePurchasesAsync(output));

        var rows = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', BatchScoring.Header), rows[0]);
        Assert.Equal(ModelTestData.ToScoreRows + 1, rows.Length);
        var cells = rows[1].Split(',');
        Assert.True(double.Parse(cells[13], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(double.Parse(cells[14], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task AnActiveModelStoredInTheOldFormatLoadsAsNoneAndTheNextTrainingReplacesItAndSaysWhy()
    {
        using var db = ModelTestData.Create();
        var store = ModelTestData.Store(db);
        await store.AddAsync(new StoredModel
        {
            Kind = ModelKind.Cancellation, Algorithm = ModelAlgorithm.Boosted, ModelName = "gbdt", TrainingBatches = "[1]", ParametersJson = "{}",
            ReportJson = "{}", IsActive = true, Decision = "Activated", Payload = System.Text.Encoding.UTF8.GetBytes("""{"Format":1,"Type":"cancellation"}"""),
        });

        var before = await new ActiveModels(store, TimeProvider.System).GetAsync();
        Assert.Null(before.CancellationBoosted);
        Assert.Equal(["cancellation boosted v1"], await store.LegacyActiveAsync());

        await ModelTestData.Trainer(db, store).TrainAllAsync();

        var replaced = (await store.HistoryAsync()).Single(m => m.Kind == ModelKind.Cancellation && m.Algorithm == ModelAlgorithm.Boosted && m.Version == 2);
        Assert.True(replaced.IsActive, replaced.Decision);
        Assert.Contains("before ML.NET", replaced.Decision);
        Assert.Empty(await store.LegacyActiveAsync());
        Assert.NotNull((await new ActiveModels(store, TimeProvider.System).GetAsync()).CancellationBoosted);
    }

    [Fact]
    public async Task TrainingWithoutLabelledRowsSaysWhyAndStoresNothing()
    {
        using var db = new Support.TempDatabase();
        var store = ModelTestData.Store(db);

        var run = await ModelTestData.Trainer(db, store).TrainAllAsync();

        Assert.False(run.TrainedAny);
        Assert.Contains("no order lines", run.Cancellation.Skipped, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(run.Purchase.Skipped);
        Assert.Empty(await store.HistoryAsync());
    }
}
