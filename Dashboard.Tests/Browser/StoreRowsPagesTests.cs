using Dashboard.Core;
using Dashboard.Core.Users;
using Dashboard.Tests.Integration.Analytics;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The app as a process over the hand-computed fixture, past the frame (<c>Analytics:FrameMaxLines</c> 0: the store reads every page).</summary>
public sealed class StoreRowsBrowserFixture : IAsyncLifetime
{
    public const string Analyst = "store-rows-analyst";
    private readonly AnalyticsFixture _data = new();

    public AppProcess App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App = await AppProcess.StartAsync(_data.ConnectionString,
            new Dictionary<string, string> { ["Models__TrainOnFirstStart"] = "false", ["Analytics__FrameMaxLines"] = "0" });
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Dashboard"] = _data.ConnectionString }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDashboardCore(configuration, Path.GetTempPath());
        await using var provider = services.BuildServiceProvider();
        await provider.AddUserAsync(Analyst, Role.Analyst);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class StoreRowsBrowserCollection : ICollectionFixture<StoreRowsBrowserFixture>
{
    public const string Name = "rows past the frame browser";
}

/// <summary>Chromium, past the frame: the grid's "next" and "previous" pages (read by keyset) show every line once.</summary>
[Collection(StoreRowsBrowserCollection.Name)]
public sealed class StoreRowsPagesTests(StoreRowsBrowserFixture fixture)
{
    private const string Lines = "[data-grid=order-rows] [data-line]";

    [Theory]
    // 1200.50 (O4), 900 (O5), 800 (O2), 600 (O6), 500 (O1), 399.50 (O4), 300 (O1), 10 USD (O7), then O3 without an amount
    [InlineData("sort=amount&dir=desc", "O4 O5|O2 O6|O1 O4|O1 O7|O3")]
    // by Order ID, ties (O1's and O4's two lines) by the store id: a column the store sorts, which the frame keeps not
    [InlineData("sort=orderId&dir=asc", "O1 O1|O2 O3|O4 O4|O5 O6|O7")]
    public async Task PagingForwardAndBackThroughEveryPageShowsEachLineOnceAndTheSamePagesBothWays(string sort, string expected)
    {
        var pages = expected.Split('|').Select(p => p.Split(' ')).ToList();
        var page = await fixture.App.NewPageAsync(1280, 900, StoreRowsBrowserFixture.Analyst);
        await page.GotoAsync($"/orders/rows?{sort}&size=2");
        await WaitForPageAsync(page, 1, pages[0].Length, null);
        Assert.Equal("9", (await page.Locator("[data-total=lines] .rows-totals__value").InnerTextAsync()).Trim());

        var forward = new List<string[]> { await LineIdsAsync(page) };
        Assert.Equal(pages[0], await OrderIdsAsync(page));
        for (var p = 2; p <= pages.Count; p++)
        {
            await Pager(page, "Next page").ClickAsync();
            await WaitForPageAsync(page, p, pages[p - 1].Length, forward[^1][0]);
            forward.Add(await LineIdsAsync(page));
            Assert.Equal(pages[p - 1], await OrderIdsAsync(page));
        }
        var all = forward.SelectMany(ids => ids).ToList();
        Assert.Equal(9, all.Count);
        Assert.Equal(9, all.Distinct().Count());

        for (var p = pages.Count - 1; p >= 1; p--)
        {
            await Pager(page, "Previous page").ClickAsync();
            await WaitForPageAsync(page, p, pages[p - 1].Length, forward[p][0]);
            Assert.Equal(forward[p - 1], await LineIdsAsync(page));
        }
    }

    private static ILocator Pager(IPage page, string name) =>
        page.Locator("[data-grid=order-rows] .mud-table-pagination-actions").GetByRole(AriaRole.Button, new() { Name = name });

    /// <summary>
    /// Page <paramref name="number"/> is on screen: the URL says so (read from the page: the grid writes it with the history
    /// API), it has its rows, and its first line is not the one of the page it turned from.
    /// </summary>
    private static Task WaitForPageAsync(IPage page, int number, int rows, string? turnedFrom) =>
        page.WaitForFunctionAsync("""
            ([number, rows, from, selector]) => {
                const lines = document.querySelectorAll(selector);
                return (new URLSearchParams(location.search).get('page') ?? '1') === number
                    && lines.length === rows && lines[0].dataset.line !== from;
            }
            """, new object?[] { number.ToString(System.Globalization.CultureInfo.InvariantCulture), rows, turnedFrom, Lines }, new() { Timeout = 20000 });

    private static Task<string[]> LineIdsAsync(IPage page) =>
        page.EvalOnSelectorAllAsync<string[]>(Lines, "els => els.map(e => e.dataset.line)");

    private static Task<string[]> OrderIdsAsync(IPage page) =>
        page.EvalOnSelectorAllAsync<string[]>(Lines, "els => els.map(e => e.dataset.order)");
}
