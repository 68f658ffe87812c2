using Dashboard.Core.Data;
using Dashboard.Core.Orders;
using Dashboard.Core.Orders.Rows;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Integration.Rows;

/// <summary>
/// The rows behind the numbers, on both stores and both data paths: the totals are the overview's KPIs, paging gives
/// each matching line once in every sort, the search is a prefix, and a download holds the same rows in the same sort.
/// </summary>
public abstract class RowsTests(StoreProvider provider) : StoreTest(provider)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheTotalsAreTheOverviewsKpisForEachOfTheBenchmarksFilters(bool pastTheFrame)
    {
        using var db = NewDatabase();
        db.Import(RowsFixture.Orders());
        var q = RowsFixture.Over(db, pastTheFrame);
        var data = await q.Cache.GetAsync();
        Assert.Equal(pastTheFrame ? "Rollup" : "Frame", data.GetType().Name.Replace("Orders", "", StringComparison.Ordinal));

        var nonEmpty = 0;
        foreach (var (filter, _) in FilterMix.Of(data))
        {
            var kpis = (await q.Overview.GetAsync(filter)).Kpis!.Current;
            var page = await q.Rows.PageAsync(new RowsRequest(filter, Limit: 5));
            Assert.Equal((kpis.Lines, kpis.Orders, kpis.Units, kpis.Revenue), (page.Lines, page.Orders, page.Units, page.Revenue));
            Assert.Equal(Math.Min(5, kpis.Lines), page.Rows.Count);
            nonEmpty += kpis.Lines > 0 ? 1 : 0;
        }
        Assert.True(nonEmpty > 40, $"only {nonEmpty} of the 60 filters select any line");
    }

    public static TheoryData<bool, string> PagedFilters() => new()
    {
        { false, "" }, { true, "" },
        { false, "category=kurta&weekday=sat&weekday=sun" }, { true, "category=kurta&weekday=sat&weekday=sun" },
        { false, "state=maharashtra&b2b=false&from=2022-05-01" }, { true, "state=maharashtra&b2b=false&from=2022-05-01" },
        { false, "status=Cancelled&currency=USD" }, { true, "status=Cancelled&currency=USD" },
    };

    [Theory]
    [MemberData(nameof(PagedFilters))]
    public async Task PagingThroughEveryPageGivesEachMatchingLineOnceInEverySort(bool pastTheFrame, string query)
    {
        using var db = NewDatabase();
        db.Import(RowsFixture.Orders());
        var q = RowsFixture.Over(db, pastTheFrame);
        var filter = RowsFixture.Filter(query);
        var expected = await MatchingIds(db, filter);
        Assert.NotEmpty(expected);

        foreach (var column in RowsColumns.All)
        {
            foreach (var descending in new[] { false, true })
            {
                var seen = new List<OrderRow>();
                for (var offset = 0; ; offset += 13)
                {
                    var page = await q.Rows.PageAsync(new RowsRequest(filter, null, column, descending, offset, 13));
                    Assert.Equal(expected.Count, page.Lines);
                    seen.AddRange(page.Rows);
                    if (page.Rows.Count < 13)
                    {
                        break;
                    }
                }
                Assert.Equal(expected, seen.Select(r => r.Id).Order().ToList());
                for (var i = 1; i < seen.Count; i++)
                {
                    Assert.True(RowOrder.Compare(seen[i - 1], seen[i], column, descending) < 0,
                        $"{column} {(descending ? "desc" : "asc")}: row {i} ({seen[i].Id}) sorts before row {i - 1} ({seen[i - 1].Id})");
                }
                Assert.Equal(seen.Select(r => r.Id), await CursorWalk(q.Rows, filter, column, descending));
                if (seen.Count > 26)
                {
                    // A jump from a cursor: two pages on, the rows skipped are read and dropped.
                    var jump = await q.Rows.PageAsync(new RowsRequest(filter, null, column, descending, 13, 13,
                        RowsCursor.After(seen[12], column, descending)));
                    Assert.Equal(seen.Skip(26).Take(13).Select(r => r.Id), jump.Rows.Select(r => r.Id));
                }
            }
        }
    }

    /// <summary>Every page after the one before's last row (its cursor through the API's text), the ids in the order read.</summary>
    private static async Task<List<long>> CursorWalk(OrderRowsQuery rows, OrderFilter filter, RowsColumn column, bool descending)
    {
        var ids = new List<long>();
        RowsCursor? after = null;
        while (true)
        {
            var page = await rows.PageAsync(new RowsRequest(filter, null, column, descending, 0, 11, after));
            ids.AddRange(page.Rows.Select(r => r.Id));
            if (page.Rows.Count < 11)
            {
                return ids;
            }
            Assert.True(RowsCursor.TryParse(RowsCursor.After(page.Rows[^1], column, descending).Encode(), out after, out var problem), problem);
            Assert.Equal(RowsCursor.After(page.Rows[^1], column, descending), after);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheSearchIsAPrefixOfTheOrderIdTheSkuOrTheCityIgnoringCase(bool pastTheFrame)
    {
        using var db = NewDatabase();
        db.Import(RowsFixture.Orders());
        var q = RowsFixture.Over(db, pastTheFrame);
        await using var context = db.Context();
        var lines = await context.OrderLines.ToListAsync();

        foreach (var search in new[] { "mum", "173-", "SKU1", "sku12", "PUNE", "nothing" })
        {
            var page = await q.Rows.PageAsync(new RowsRequest(OrderFilter.None, $" {search} ", RowsColumn.OrderId, Limit: 1000));
            var hand = lines.Where(l => new[] { l.OrderId, l.Sku, l.City ?? "" }.Any(t => t.StartsWith(search, StringComparison.OrdinalIgnoreCase))).ToList();
            Assert.Equal(hand.Select(l => l.Id).Order(), page.Rows.Select(r => r.Id).Order());
            Assert.Equal((hand.Count, hand.Select(l => l.OrderId).Distinct().Count(), hand.Sum(l => (long)l.Qty)), (page.Lines, page.Orders, page.Units));
            Assert.Equal(hand.Where(l => l.StatusGroup != StatusGroup.Cancelled && l.Currency == "INR").Sum(l => l.Amount ?? 0), page.Revenue);
        }
    }

    [Theory]
    [InlineData(false, RowsColumn.Amount)]
    [InlineData(true, RowsColumn.Amount)]
    [InlineData(false, RowsColumn.City)]
    [InlineData(true, RowsColumn.State)]
    public async Task ADownloadHoldsEveryMatchingRowInTheGridsSort(bool pastTheFrame, RowsColumn sort)
    {
        using var db = NewDatabase();
        db.Import(RowsFixture.Orders());
        var q = RowsFixture.Over(db, pastTheFrame);
        var request = new RowsRequest(RowsFixture.Filter("category=Set&category=Top"), null, sort, Descending: true, Limit: 1000);

        var page = await q.Rows.PageAsync(request);
        var download = await q.Export.GetAsync(request);

        var orderIds = (Dashboard.Core.Analytics.Export.TextColumn)download.Columns.Single(c => c.Name == "order_id");
        var skus = (Dashboard.Core.Analytics.Export.TextColumn)download.Columns.Single(c => c.Name == "sku");
        Assert.Equal(page.Lines, download.Rows);
        Assert.Equal(page.Rows.Select(r => (r.OrderId, r.Sku)), Enumerable.Range(0, download.Rows).Select(i => (orderIds.Values[i]!, skus.Values[i]!)));
    }

    /// <summary>The store ids of the lines the filter selects, by a plain reading of every line and the filter's rules.</summary>
    private static async Task<List<long>> MatchingIds(TempDatabase db, OrderFilter f)
    {
        await using var context = db.Context();
        var lines = await context.OrderLines.ToListAsync();
        bool In(IReadOnlyList<string> wanted, string? value) => wanted.Count == 0 || wanted.Contains(value ?? "", StringComparer.OrdinalIgnoreCase);
        return lines.Where(l =>
            (f.From is null || l.Date >= f.From) && (f.To is null || l.Date <= f.To) &&
            In(f.Categories, l.Category) && In(f.States, l.State) && In(f.Fulfilments, l.Fulfilment) &&
            In(f.SalesChannels, l.SalesChannel) && In(f.ServiceLevels, l.ServiceLevel) &&
            (f.StatusGroups.Count == 0 || f.StatusGroups.Contains(l.StatusGroup)) &&
            (f.B2B is null || f.B2B == l.B2B) && (f.Weekdays.Count == 0 || f.Weekdays.Contains(l.Date.DayOfWeek)))
            .Select(l => l.Id).Order().ToList();
    }
}

public sealed class RowsOnSqliteTests() : RowsTests(StoreProvider.Sqlite);

public sealed class RowsOnPostgreSqlTests() : RowsTests(StoreProvider.PostgreSql);
