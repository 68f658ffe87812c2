using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The Models and What-if pages in Chromium, over a store with trained models (see <see cref="ModelsBrowserFixture"/>).</summary>
[TestDuration(50)]
public sealed class WhatIfPageTests(ModelsBrowserFixture app) : IClassFixture<ModelsBrowserFixture>
{
    private static async Task Screenshot(IPage page, string name)
    {
        if (BrowserAppFixture.ScreenshotFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    [Fact]
    public async Task ChangingTheFulfilmentOnTheWhatIfPageChangesTheRiskShown()
    {
        var page = await app.NewPageAsync(1280, 1500);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/what-if");
        await Ui.WaitForChartsAsync(page, 2); // the circuit is up and both contribution charts are drawn
        var risk = page.Locator("[data-result=risk]");
        var before = (await risk.InnerTextAsync()).Trim();
        var fulfilment = page.Locator("[data-input=fulfilment]");
        var other = (await fulfilment.InnerTextAsync()).Trim() == "Merchant" ? "Amazon" : "Merchant";

        await Ui.ChooseAsync(page, "[data-input=fulfilment]", other);

        await page.WaitForFunctionAsync("b => document.querySelector('[data-result=risk]').innerText.trim() !== b", before, new() { Timeout = 5000 });
        var after = (await risk.InnerTextAsync()).Trim();
        Assert.NotEqual(before, after);
        // Merchant-fulfilled lines are cancelled far more often in the generated data.
        var (merchant, amazon) = other == "Merchant" ? (after, before) : (before, after);
        Assert.True(Percent(merchant) > Percent(amazon) + 10, $"merchant {merchant}, amazon {amazon}");
        Assert.Empty(errors);
        await Screenshot(page, "what-if");
    }

    [Fact]
    public async Task ApplyingTheHintSetsTheInputAndLowersTheRisk()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/what-if");
        await Ui.WaitForChartsAsync(page, 2);
        var before = Percent((await page.Locator("[data-result=risk]").InnerTextAsync()).Trim());

        await page.Locator("[data-action=apply-hint]").First.ClickAsync();

        await page.WaitForFunctionAsync("b => document.querySelector('[data-result=risk]').innerText.trim() !== b", before.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%", new() { Timeout = 5000 });
        Assert.True(Percent((await page.Locator("[data-result=risk]").InnerTextAsync()).Trim()) < before);
    }

    [Theory]
    [InlineData("53000000000000000000000000000", "largest amount one order line may have")]
    [InlineData("79228162514264337593543950335", "largest amount one order line may have")]
    [InlineData("-5", "must not be negative")]
    public async Task AnAmountOutOfRangeIsRefusedBesideTheFieldAndThePageKeepsScoring(string typed, string reason)
    {
        var page = await app.NewPageAsync(1280, 1500);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/what-if");
        await Ui.WaitForChartsAsync(page, 2);
        var amount = page.Locator("input[data-input=amount]");

        await amount.FillAsync(typed);

        var message = page.Locator(".mud-input-control:has(input[data-input=amount]) .mud-input-helper-text.mud-input-error");
        await message.WaitForAsync(new() { Timeout = 5000 });
        Assert.Contains(reason, await message.InnerTextAsync());
        await page.Locator("[data-result=invalid-cancellation]").WaitForAsync(new() { Timeout = 5000 });

        // The circuit lives on: a valid amount is scored again, and so is a change of another input after it.
        await amount.FillAsync("650");
        await page.Locator("[data-result=risk]").WaitForAsync(new() { Timeout = 5000 });
        Assert.Equal(0, await message.CountAsync());
        var before = (await page.Locator("[data-result=risk]").InnerTextAsync()).Trim();
        var other = (await page.Locator("[data-input=fulfilment]").InnerTextAsync()).Trim() == "Merchant" ? "Amazon" : "Merchant";
        await Ui.ChooseAsync(page, "[data-input=fulfilment]", other);
        await page.WaitForFunctionAsync("b => document.querySelector('[data-result=risk]').innerText.trim() !== b", before, new() { Timeout = 5000 });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TheModelsPageDrawsCalibrationResidualsAndImportance()
    {
        var page = await app.NewPageAsync(1280, 3400);
        await page.GotoAsync("/models");
        await Ui.WaitForChartsAsync(page, 4);

        Assert.Equal(1, await page.Locator("[data-chart=calibration]").CountAsync());
        Assert.Equal(1, await page.Locator("[data-chart=residuals]").CountAsync());
        Assert.Equal(2, await page.Locator("[data-section=leakage]").CountAsync());
        await Screenshot(page, "models");
    }

    [Fact]
    public async Task RetrainRunsInTheBackgroundShowsProgressAndAddsVersionTwoToTheHistory()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/models");
        await Ui.WaitForChartsAsync(page, 4);

        await page.Locator("[data-action=retrain]").ClickAsync();
        await Ui.ConfirmAsync(page, "Retrain");

        await page.WaitForSelectorAsync("[data-training-state=Queued], [data-training-state=Running], [data-training-state=Succeeded]", new() { Timeout = 5000 });
        await page.WaitForSelectorAsync("[data-training-state=Succeeded]", new() { Timeout = 120000 });
        var history = await page.Locator("[data-kind=cancellation] [data-table=history]").InnerTextAsync();
        Assert.Contains("Boosted trees v2", history);
        Assert.Contains("Logistic v2", history);
    }

    private static double Percent(string text) => double.Parse(text.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture);
}
