using Dashboard.Core.Data;
using Dashboard.Core.Orders;
using Dashboard.Core.Orders.Rows;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Integration.Rows;

/// <summary>
/// The rows explorer's grid past the frame (the store reads the page): "next" reads after the page before's last row by
/// its cursor, "previous" by the cursor it remembered, a page opened from a URL by offset; and paging forward and back
/// through every page of a filter gives each matching line once, in every sort.
/// </summary>
public abstract class RowsPagerTests(StoreProvider provider) : StoreTest(provider)
{
    [Fact]
    public async Task TheGridsNextPageIsReadAfterThePageBeforesLastRowByItsCursor()
    {
        using var db = NewDatabase();
        db.Import(RowsFixture.Orders());
        var pages = new OrderRowsPages(RowsFixture.Over(db, pastTheFrame: true).Rows);
        var filter = RowsFixture.Filter("category=kurta");

        var first = pages.RequestFor(filter, null, RowsColumn.Amount, true, 0, 10);
        Assert.Equal((null, 0), (first.After, first.Offset));
        var page1 = await pages.PageAsync(filter, null, RowsColumn.Amount, true, 0, 10);

        var second = pages.RequestFor(filter, null, RowsColumn.Amount, true, 1, 10);
        Assert.Equal(RowsCursor.After(page1.Rows[^1], RowsColumn.Amount, true), second.After);
        Assert.Equal(0, second.Offset);
        var page2 = await pages.PageAsync(filter, null, RowsColumn.Amount, true, 1, 10);
        Assert.Empty(page2.Rows.Select(r => r.Id).Intersect(page1.Rows.Select(r => r.Id)));

        // a jump on from page 2: after its end, the pages between skipped
        var jump = pages.RequestFor(filter, null, RowsColumn.Amount, true, 4, 10);
        Assert.Equal((RowsCursor.After(page2.Rows[^1], RowsColumn.Amount, true), 20), (jump.After, jump.Offset));
        // another sort is another listing: its pages start over, by offset
        var other = pages.RequestFor(filter, null, RowsColumn.Date, false, 1, 10);
        Assert.Equal((null, 10), (other.After, other.Offset));
        // a page opened straight from a URL (a new circuit's page): by offset
        var opened = new OrderRowsPages(RowsFixture.Over(db, pastTheFrame: true).Rows).RequestFor(filter, null, RowsColumn.Amount, true, 3, 10);
        Assert.Equal((null, 30), (opened.After, opened.Offset));
    }

    [Theory]
    [InlineData("")]
    [InlineData("category=kurta&weekday=sat&weekday=sun")]
    public async Task PagingForwardThenBackThroughEveryPageGivesEachMatchingLineOnceInEverySort(string query)
    {
        using var db = NewDatabase();
        db.Import(RowsFixture.Orders());
        var rows = RowsFixture.Over(db, pastTheFrame: true).Rows;
        var filter = RowsFixture.Filter(query);
        var expected = await MatchingIds(db, filter);
        Assert.NotEmpty(expected);
        foreach (var column in RowsColumns.All)
        {
            foreach (var descending in new[] { false, true })
            {
                var pages = new OrderRowsPages(rows);
                var forward = new List<long[]>();
                for (var p = 0; ; p++)
                {
                    var page = await pages.PageAsync(filter, null, column, descending, p, 17);
                    forward.Add([.. page.Rows.Select(r => r.Id)]);
                    if (page.Rows.Count < 17)
                    {
                        break;
                    }
                }
                Assert.Equal(expected, forward.SelectMany(ids => ids).Order().ToList());
                for (var p = forward.Count - 2; p >= 0; p--)
                {
                    // "previous": after the end of the page before it, remembered on the way forward, never by offset
                    var back = pages.RequestFor(filter, null, column, descending, p, 17);
                    Assert.Equal((p > 0, 0), (back.After is not null, back.Offset));
                    var page = await pages.PageAsync(filter, null, column, descending, p, 17);
                    Assert.Equal(forward[p], page.Rows.Select(r => r.Id));
                }
            }
        }
    }

    /// <summary>The store ids of the lines the filter selects (the filters above: categories and weekdays only).</summary>
    private static async Task<List<long>> MatchingIds(TempDatabase db, OrderFilter f)
    {
        await using var context = db.Context();
        var lines = await context.OrderLines.ToListAsync();
        return lines.Where(l => (f.Categories.Count == 0 || f.Categories.Contains(l.Category)) && (f.Weekdays.Count == 0 || f.Weekdays.Contains(l.Date.DayOfWeek)))
            .Select(l => l.Id).Order().ToList();
    }
}

public sealed class RowsPagerOnSqliteTests() : RowsPagerTests(StoreProvider.Sqlite);

public sealed class RowsPagerOnPostgreSqlTests() : RowsPagerTests(StoreProvider.PostgreSql);
