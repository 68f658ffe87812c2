using Dashboard.Tests.Integration.Models;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Tests.Web;

/// <summary>The web app over a generated store whose models were trained before it started (so no training runs on start).</summary>
public sealed class TrainedModelsAppFactory : WebApplicationFactory<Program>
{
    private readonly TempDatabase _data;

    public TrainedModelsAppFactory()
    {
        _data = ModelTestData.Create();
        var store = ModelTestData.Store(_data);
        ModelTestData.Trainer(_data, store).TrainAllAsync().GetAwaiter().GetResult();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Dashboard", _data.ConnectionString);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}

public class ModelsPagesTests(TrainedModelsAppFactory app) : IClassFixture<TrainedModelsAppFactory>
{
    [Fact]
    public async Task TheModelsPageShowsMetricsBaselinesLeakageNoteAndHistory()
    {
        var html = await (await app.SignedInClientAsync()).GetStringAsync("/models");

        Assert.Contains("Cancellation risk", html);
        Assert.Contains("Purchase amount", html);
        Assert.Contains("data-table=\"metrics\"", html);
        Assert.Contains("Base rate baseline", html);
        Assert.Contains("Boosted trees v1 (active)", html);
        Assert.Contains("Why promotion-ids is not an input", html);
        Assert.Contains("With promotion-ids switched on", html);
        Assert.Contains("Activated: the first model of its kind", html);
        Assert.Contains("data-action=\"retrain\"", html);
    }

    [Fact]
    public async Task TheWhatIfPageIsPrefilledFromAStoredOrderAndShowsTheRiskAndAmount()
    {
        var html = await (await app.SignedInClientAsync()).GetStringAsync("/what-if");

        Assert.Contains("data-result=\"risk\"", html);
        Assert.Contains("data-result=\"amount\"", html);
        Assert.Contains("What would change the risk most", html);
        Assert.Contains("data-action=\"score-csv\"", html);
    }

    [Fact]
    public async Task TheToScoreRowsDownloadAsCsvWithPredictions()
    {
        using var response = await (await app.SignedInClientAsync()).GetAsync("/api/models/score/purchases.csv");

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("batch_id,source_row,user_id", lines[0]);
        Assert.Equal(ModelTestData.ToScoreRows + 1, lines.Length);
    }
}
