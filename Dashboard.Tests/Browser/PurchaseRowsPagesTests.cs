using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Chromium over the hand-computed fixture's five purchases (F 100, M 200, M 300, F 400, M 500): the purchase transactions'
/// explorer filters, sorts, pages and exports exactly its rows, the purchases page's numbers lead to it, the data tables give
/// the keyboard the Show rows a click offers, and two quick sort clicks both arrive (the page's state is the single source).
/// </summary>
[Collection(RowsBrowserCollection.Name)]
public sealed class PurchaseRowsPagesTests(RowsBrowserFixture fixture)
{
    private static async Task<IReadOnlyList<string>> PurchasesAsync(IPage page) =>
        [.. (await page.Locator("[data-grid=purchase-rows] [data-purchase]").AllAsync()) is var cells
            ? await Task.WhenAll(cells.Select(async c => await c.GetAttributeAsync("data-purchase") ?? "")) : []];

    private static Task WaitForPurchasesAsync(IPage page, string first, int count) =>
        page.WaitForFunctionAsync(
            "([first, n]) => { const c = document.querySelectorAll('[data-grid=purchase-rows] [data-purchase]'); return c.length === n && c[0].dataset.purchase === first; }",
            new object[] { first, count }, new() { Timeout = 20000 });

    private static async Task<string> TotalAsync(IPage page, string name) =>
        (await page.Locator($"[data-total={name}] .rows-totals__value").InnerTextAsync()).Trim();

    [Fact]
    public async Task TheTransactionsOfAFilterSortPageAndDownloadExactlyAsShown()
    {
        var page = await fixture.App.NewPageAsync(1280, 900, RowsBrowserFixture.Analyst);
        await page.GotoAsync("/purchases/rows?gender=M&size=2");
        await Assertions.Expect(page.Locator("[data-total=transactions] .rows-totals__value")).ToHaveTextAsync("3");
        await WaitForPurchasesAsync(page, "200", 2);

        // the sort and then the direction, without waiting for the grid in between: both must arrive
        await Ui.ChooseAsync(page, "[data-control=sort]", "Purchase");
        await page.Locator("[data-control=dir]").GetByText("Descending", new() { Exact = true }).ClickAsync();
        await Ui.WaitForQueryAsync(page, ("sort", "purchase"), ("dir", "desc"));
        await WaitForPurchasesAsync(page, "500", 2);
        Assert.Equal(["500", "300"], await PurchasesAsync(page));

        await page.Locator("[data-grid=purchase-rows] .mud-table-pagination-actions button").Nth(2).ClickAsync(); // next page
        await WaitForPurchasesAsync(page, "200", 1);
        await Ui.WaitForAddressAsync(page, "/purchases/rows?gender=M&sort=purchase&dir=desc&page=2&size=2");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-download=csv]").ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        var purchase = Array.IndexOf(csv[0].Split(','), "purchase");
        Assert.Equal(["500", "300", "200"], csv.Skip(1).Select(l => l.Split(',')[purchase]));
    }

    [Fact]
    public async Task ThePurchasesPagesNumbersLeadToTheirTransactionsWithTheSameTotals()
    {
        var page = await fixture.App.NewPageAsync(1280, 900, RowsBrowserFixture.Analyst);
        await page.GotoAsync("/purchases?gender=F");
        // The page live first (its charts drawn): a link clicked on the prerendered page, while the circuit is still starting,
        // navigated to a rows page whose grid never loaded (it reads its rows only once interactive; seen once in five runs).
        await Ui.WaitForChartsAsync(page, 8);
        var count = (await page.Locator("[data-kpi=count] .kpi-tile__value").InnerTextAsync()).Trim();
        var mean = (await page.Locator("[data-kpi=mean] .kpi-tile__value").InnerTextAsync()).Trim();
        await page.Locator("[data-kpi=count] [data-action=kpi-rows]").ClickAsync();
        await Ui.WaitForAddressAsync(page, "/purchases/rows?gender=F");
        await WaitForPurchasesAsync(page, "100", 2);
        Assert.Equal(count, await TotalAsync(page, "transactions"));
        Assert.Equal(mean, await TotalAsync(page, "mean"));

        // a bar's table row (the keyboard's bar click) filters the charts and offers the rows of that bar
        await page.GotoAsync("/purchases");
        await Ui.WaitForChartsAsync(page, 8);
        var card = page.Locator("[data-card=by-age]");
        await card.Locator("[data-action=data-table]").ClickAsync();
        await card.Locator("[data-filter-row='26-35']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show rows" }).ClickAsync();
        await Ui.WaitForAddressAsync(page, "/purchases/rows?age=26-35");
        await WaitForPurchasesAsync(page, "100", 3);
    }

    [Fact]
    public async Task TheTimeAndMonthTablesLinkEachPeriodToItsLines()
    {
        var page = await fixture.App.NewPageAsync(1280, 900, RowsBrowserFixture.Analyst);
        await page.GotoAsync("/orders");
        await Ui.WaitForChartsAsync(page, 4);
        foreach (var chart in new[] { "over-time", "months" })
        {
            var card = page.Locator($"[data-card={chart}]");
            await card.Locator("[data-action=data-table]").ClickAsync();
            var link = card.Locator("[data-rows-link]").First;
            await link.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForFunctionAsync("() => location.pathname === '/orders/rows' && /^\\?from=[^&]+&to=/.test(location.search)", null, new() { Timeout = 20000 });
            await page.Locator("[data-grid=order-rows] [data-order]").First.WaitForAsync(new() { Timeout = 20000 });
            await page.GoBackAsync();
            await Ui.WaitForChartsAsync(page, 4);
        }
    }

    [Fact]
    public async Task TheOrderLinesSortAndDirectionClickedWithoutWaitingBothArrive()
    {
        var page = await fixture.App.NewPageAsync(1280, 900, RowsBrowserFixture.Analyst);
        await page.GotoAsync("/orders/rows?size=4");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-grid=order-rows] [data-order]').length === 4");
        await Ui.ChooseAsync(page, "[data-control=sort]", "Amount");
        await page.Locator("[data-control=dir]").GetByText("Descending", new() { Exact = true }).ClickAsync();
        await Ui.WaitForQueryAsync(page, ("sort", "amount"), ("dir", "desc"));
        // 1200.50 (O4), 900 (O5), 800 (O2), 600 (O6)
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-grid=order-rows] [data-order]')].map(c => c.dataset.order).join() === 'O4,O5,O2,O6'", null,
            new() { Timeout = 20000 });
        // and it stays there: no late reload of the ascending sort takes the URL or the grid back
        await page.WaitForTimeoutAsync(1500);
        Assert.Equal("/orders/rows?sort=amount&dir=desc&size=4", await Ui.AddressAsync(page));
        Assert.Equal("O4", await page.Locator("[data-grid=order-rows] [data-order]").First.GetAttributeAsync("data-order"));
    }
}
