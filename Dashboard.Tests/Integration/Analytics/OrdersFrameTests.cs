using Dashboard.Core.Orders;
using Dashboard.Core.Data;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Integration.Analytics;

/// <summary>The orders frame as loaded from the store: lines of one order together, codes and nulls as stored.</summary>
public abstract class OrdersFrameTests(StoreProvider provider) : StoreTest(provider)
{
    [Fact]
    public async Task TheLinesOfAnOrderAreAdjacentEvenWhenStoredApart()
    {
        using var db = NewDatabase();
        await using (var context = Context(db))
        {
            // O1's two lines are stored apart, with O2 between them.
            var lines = AnalyticsFixture.Orders().ToList();
            context.OrderLines.AddRange(lines[0], lines[2], lines[1], lines[3]);
            await context.SaveChangesAsync();
        }
        await using var read = Context(db);
        var frame = await OrdersFrame.LoadAsync(read, 1);

        var runs = frame.Run.ToArray();
        Assert.Equal([0, 0, 1, 2], runs);
        Assert.Equal(4, frame.Frame.Rows.Count);
        // The cancelled line without an amount or currency: nulls in the frame, not zeros.
        Assert.Equal(1, frame.Frame[OrdersFrame.AmountColumn].NullCount);
        Assert.Equal(1, frame.Frame[OrdersFrame.CurrencyColumn].NullCount);
        Assert.Equal(["Set", "kurta"], frame.Categories);
        var weekdays = frame.Weekday.ToArray();
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday], weekdays.Select(w => (DayOfWeek)w));
    }

    [Fact]
    public async Task OrdersAreSortedByTheirFirstDaySoThatEveryDateRangeCountsWhatTheLinesSay()
    {
        using var db = NewDatabase();
        var lines = new[]
        {
            // Stored out of date order; P3's lines lie five days apart, with other orders' days between them.
            AnalyticsFixture.Line("P1", "A", "2022-06-10", StatusGroup.Delivered, "Set", "GOA", "Amazon", "Amazon.in", "Standard", 1, "INR", 1000),
            AnalyticsFixture.Line("P3", "A", "2022-06-12", StatusGroup.Delivered, "Set", "GOA", "Amazon", "Amazon.in", "Standard", 2, "INR", 2000),
            AnalyticsFixture.Line("P2", "A", "2022-06-06", StatusGroup.Cancelled, "kurta", "GOA", "Amazon", "Amazon.in", "Standard", 0, "INR", 4000),
            AnalyticsFixture.Line("P3", "B", "2022-06-07", StatusGroup.Delivered, "kurta", "GOA", "Amazon", "Amazon.in", "Standard", 3, "INR", 8000),
            AnalyticsFixture.Line("P4", "A", "2022-06-12", StatusGroup.Shipped, "Set", "GOA", "Amazon", "Amazon.in", "Standard", 4, "INR", 16000),
            AnalyticsFixture.Line("P5", "A", "2022-06-08", StatusGroup.Shipped, "Set", "GOA", "Amazon", "Amazon.in", "Standard", 5, "INR", 32000),
        };
        await using (var context = Context(db))
        {
            context.OrderLines.AddRange(lines);
            await context.SaveChangesAsync();
        }
        await using var read = Context(db);
        var frame = await OrdersFrame.LoadAsync(read, 1);

        // First days: P2 6th, P3 7th, P5 8th, P1 10th, P4 12th; P3's two lines stay together.
        var days = frame.Day.ToArray().Select(DateOnly.FromDayNumber).Select(d => d.Day);
        Assert.Equal([6, 12, 7, 8, 10, 12], days);
        Assert.Equal([0, 1, 1, 2, 3, 4], frame.Run.ToArray());

        var filter = new CompiledFilter(frame, OrderFilter.None);
        for (var from = 4; from <= 14; from++)
        {
            for (var to = from; to <= 14; to++)
            {
                var range = new DateRange(new DateOnly(2022, 6, from), new DateOnly(2022, 6, to));
                var inRange = lines.Where(l => l.Date >= range.From && l.Date <= range.To).ToList();
                var kpis = OrdersOverviewQuery.Kpis(frame, filter, range).Current;
                Assert.Equal(inRange.Select(l => l.OrderId).Distinct().Count(), kpis.Orders);
                Assert.Equal(inRange.Sum(l => l.Qty), kpis.Units);
                Assert.Equal(inRange.Where(l => l.StatusGroup != StatusGroup.Cancelled).Sum(l => l.AmountMinor ?? 0), kpis.RevenueMinor);
            }
        }
    }

    private static DashboardDbContext Context(TempDatabase db) => db.Context();
}

public sealed class OrdersFrameOnSqliteTests() : OrdersFrameTests(StoreProvider.Sqlite);

public sealed class OrdersFrameOnPostgreSqlTests() : OrdersFrameTests(StoreProvider.PostgreSql);
