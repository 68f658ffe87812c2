using Dashboard.Core.Analytics.Orders;
using Dashboard.Core.Data;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Integration.Analytics;

/// <summary>The orders frame as loaded from the store: lines of one order together, codes and nulls as stored.</summary>
public sealed class OrdersFrameTests
{
    [Fact]
    public async Task TheLinesOfAnOrderAreAdjacentEvenWhenStoredApart()
    {
        using var db = new TempDatabase();
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

    private static DashboardDbContext Context(TempDatabase db) =>
        new(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(db.ConnectionString).Options);
}
