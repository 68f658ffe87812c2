using Dashboard.Core.Orders;
using Dashboard.Tests.Integration.Analytics;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Browser;

/// <summary>The app as a process over a store whose categories hold quotes, ampersands, markup and non-Latin text.</summary>
public sealed class OddLabelsFixture : IAsyncLifetime
{
    /// <summary>Each with a different revenue, largest first, so the bars come in this order.</summary>
    public static readonly string[] Categories =
        ["Kids' \"Best\" Set", "Tops & Tees", "<b>x</b>", "<a href=\"https://evil.example\">y</a>", "लखनऊ", "a < b"];

    private readonly TempDatabase _database = new();

    public AppProcess App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await using (var db = _database.Context())
        {
            db.OrderLines.AddRange(Categories.Select((c, i) => AnalyticsFixture.Line(
                $"O{i}", "A", "2022-06-06", StatusGroup.Delivered, c, "GOA", "Amazon", "Amazon.in", "Standard", 1, "INR", (Categories.Length - i) * 10000L)));
            await db.SaveChangesAsync();
        }
        App = await AppProcess.StartAsync(_database.ConnectionString, new Dictionary<string, string> { ["Models__TrainOnFirstStart"] = "false" });
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _database.Dispose();
    }
}

/// <summary>Chromium: a chart's tick and hover texts show the data's labels as written, and markup in them as text.</summary>
public sealed class ChartLabelPageTests(OddLabelsFixture fixture) : IClassFixture<OddLabelsFixture>
{
    [Fact]
    public async Task TicksAndHoverShowTheLabelsAsWrittenAndMarkupAsText()
    {
        var page = await fixture.App.NewPageAsync();
        await page.GotoAsync("/");
        await Ui.WaitForChartsAsync(page, 4);
        var chart = page.Locator("[data-chart=categories]");

        var ticks = await chart.Locator(".xtick text").AllTextContentsAsync();
        Assert.Equal(OddLabelsFixture.Categories, ticks);
        Assert.Equal(0, await chart.Locator("svg a").CountAsync());
        Assert.Equal(0, await chart.Locator(".xtick tspan[style*=bold]").CountAsync());

        for (var i = 0; i < OddLabelsFixture.Categories.Length; i++)
        {
            var bar = chart.Locator(".barlayer .point").Nth(i);
            await bar.ScrollIntoViewIfNeededAsync();
            var box = await bar.BoundingBoxAsync() ?? throw new InvalidOperationException("no bar");
            await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height - 3);
            var hover = chart.Locator(".hoverlayer .hovertext");
            await hover.WaitForAsync(new() { Timeout = 5000 });
            Assert.StartsWith(OddLabelsFixture.Categories[i], (await hover.Locator("text.nums").TextContentAsync())?.Trim());
            Assert.Equal(0, await chart.Locator(".hoverlayer a").CountAsync());
            await page.Mouse.MoveAsync(0, 0);
        }
        await page.Context.CloseAsync();
    }
}
