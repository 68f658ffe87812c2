using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser.Imports;

/// <summary>The upload page in Chromium: upload, preview, commit, the overview changes, undo, the overview returns.</summary>
public sealed class UploadPageTests(UploadAppFixture app) : IClassFixture<UploadAppFixture>
{
    private static async Task Screenshot(IPage page, string name)
    {
        if (BrowserAppFixture.ScreenshotFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    private static async Task GoToImports(IPage page)
    {
        await page.GotoAsync("/imports");
        await page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 20000 });
    }

    private static async Task<string> Kpi(IPage page, string name)
    {
        var tile = page.Locator($"[data-kpi={name}] .kpi-tile__value");
        await tile.WaitForAsync(new() { Timeout = 20000 });
        return (await tile.InnerTextAsync()).Trim();
    }

    private static async Task<string> Count(IPage page, string name) =>
        (await page.Locator($"[data-count={name}] span").InnerTextAsync()).Trim();

    [Fact]
    public async Task UploadPreviewCommitChangesTheOverviewAndUndoBringsItBack()
    {
        var page = await app.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/");
        Assert.Equal("3", await Kpi(page, "orders"));
        var cancellationBefore = await Kpi(page, "cancellation");

        // A newer export: one pending order now cancelled, one the same, four new orders, one bad row whose value is a formula.
        var file = Path.Combine(app.Folder, "newer-export.csv");
        await File.WriteAllTextAsync(file, new AmazonCsv()
            .Line("402-0000001-0000001", "JNE3781-KR-L", date: "04-10-22", status: "Cancelled", courier: "", amount: "", currency: "")
            .Line("402-0000002-0000002", "SET389-KR-NP-S", date: "04-11-22", status: "Shipped", amount: "600.00")
            .Line("402-0000004-0000004", date: "04-13-22", amount: "300.00")
            .Line("402-0000005-0000005", date: "04-14-22", amount: "300.00")
            .Line("402-0000006-0000006", date: "04-15-22", amount: "300.00")
            .Line("402-0000007-0000007", date: "04-15-22", amount: "300.00")
            .Line("402-0000008-0000008", date: "04-16-22", qty: "=1+1")
            .ToString());

        await GoToImports(page);
        await page.Locator("[data-upload] input[type=file], input[type=file]").First.SetInputFilesAsync(file);
        await page.Locator("[data-summary=preview]").WaitForAsync(new() { Timeout = 30000 });
        await Screenshot(page, "imports-preview");

        Assert.Equal(("7", "4", "1", "1", "1"),
            (await Count(page, "read"), await Count(page, "inserted"), await Count(page, "updated"), await Count(page, "unchanged"), await Count(page, "rejected")));
        Assert.Contains("Pending → Cancelled: 1 line", await page.Locator("[data-status-changes]").InnerTextAsync());
        var issue = await page.Locator("[data-issues] tbody tr").First.InnerTextAsync();
        Assert.Contains("8\tQty\t=1+1", issue);
        Assert.Contains("Currency: INR", await page.Locator("[data-currencies]").InnerTextAsync());
        Assert.Contains("10 Apr 2022 – 15 Apr 2022", await page.Locator("[data-date-range]").InnerTextAsync());

        await page.Locator("[data-commit]").ClickAsync();
        await page.Locator("[data-summary=result]").WaitForAsync(new() { Timeout = 60000 });
        Assert.Equal("4", await Count(page, "inserted"));
        var batch = await page.Locator("[data-undo]").First.GetAttributeAsync("data-undo");
        Assert.Equal("Succeeded", await page.Locator($"[data-batch-state=\"{batch}\"]").InnerTextAsync());
        await Screenshot(page, "imports-committed");

        // The rejected rows download as CSV, the formula neutralised.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"[data-issues-csv=\"{batch}\"]").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("8,Rejected,Qty,'=1+1,", csv);

        await page.GotoAsync("/");
        Assert.Equal("7", await Kpi(page, "orders"));
        Assert.NotEqual(cancellationBefore, await Kpi(page, "cancellation"));
        await Screenshot(page, "overview-after-import");

        await GoToImports(page);
        await page.Locator($"[data-undo=\"{batch}\"]").ClickAsync();
        await Ui.ConfirmAsync(page, "Undo the import");
        await page.Locator("[data-message]").WaitForAsync(new() { Timeout = 30000 });
        Assert.Contains($"Batch {batch} undone: 4 lines removed, 1 lines put back as they were", await page.Locator("[data-message]").InnerTextAsync());
        Assert.Equal("Undone", await page.Locator($"[data-batch-state=\"{batch}\"]").InnerTextAsync());
        await Screenshot(page, "imports-undone");

        await page.GotoAsync("/");
        Assert.Equal("3", await Kpi(page, "orders"));
        Assert.Equal(cancellationBefore, await Kpi(page, "cancellation"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ARefusedFileShowsWhyAndCannotBeCommitted()
    {
        var page = await app.NewPageAsync();
        var file = Path.Combine(app.Folder, "semicolons.csv");
        await File.WriteAllTextAsync(file, AmazonCsv.Header.Replace(',', ';') + "\n1;2;3\n");

        await GoToImports(page);
        await page.Locator("[data-upload] input[type=file], input[type=file]").First.SetInputFilesAsync(file);
        await page.Locator("[data-refused]").WaitForAsync(new() { Timeout = 30000 });

        Assert.Contains("nothing was changed", await page.Locator("[data-refused]").InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-commit]").CountAsync());
        await Screenshot(page, "imports-refused");
    }

    /// <summary>
    /// The real 69 MB export through the page, watching the transfer bar and then the row bar. Runs only when
    /// <c>DASHBOARD_REAL_EXPORT</c> names the uncompressed file (it takes a minute on a 2-core machine).
    /// </summary>
    [Fact]
    public async Task TheRealExportUploadsWithATransferBarThenARowBar()
    {
        if (Environment.GetEnvironmentVariable("DASHBOARD_REAL_EXPORT") is not { Length: > 0 } file)
        {
            return;
        }
        var page = await app.NewPageAsync();
        await GoToImports(page);
        await page.Locator("[data-upload] input[type=file], input[type=file]").First.SetInputFilesAsync(file);
        await page.Locator("[data-transfer-progress]").WaitForAsync(new() { Timeout = 30000 });
        await Screenshot(page, "real-transfer");
        await page.Locator("[data-summary=preview]").WaitForAsync(new() { Timeout = 300000 });
        await Screenshot(page, "real-preview");
        Assert.Equal("1,28,975", await Count(page, "read")); // rupee data: Indian grouping by default
        await page.Locator("[data-commit]").ClickAsync();
        await page.WaitForFunctionAsync(
            "() => Number(document.querySelector('[data-rows-read]')?.dataset.rowsRead ?? 0) > 0", null, new() { Timeout = 60000 });
        await Screenshot(page, "real-rows");
        await page.Locator("[data-summary=result]").WaitForAsync(new() { Timeout = 300000 });
        await Screenshot(page, "real-committed");
        Assert.Equal("1,28,968", await Count(page, "inserted"));

        // Leave the fixture's data as the other tests expect it.
        var batch = await page.Locator("[data-undo]").First.GetAttributeAsync("data-undo");
        await page.Locator($"[data-undo=\"{batch}\"]").ClickAsync();
        await Ui.ConfirmAsync(page, "Undo the import");
        await page.Locator("[data-message]").WaitForAsync(new() { Timeout = 60000 });
        Assert.Contains("1,28,968 lines removed", await page.Locator("[data-message]").InnerTextAsync());
    }
}
