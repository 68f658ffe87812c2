using Dashboard.Core.Orders;
using Dashboard.Tests.Integration.Analytics;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The app as a process over one complete week (Mon 6 – Sun 12 June 2022) of rupee order lines whose revenue is
/// ₹7,85,90,043.30, the size of the real export's: Set ₹3,90,00,000.00, kurta ₹2,50,00,000.00, Western Dress
/// ₹1,45,90,043.30, and a cancelled line that does not count. No <c>Display:Culture</c>: the data picks en-IN.
/// </summary>
public sealed class CroreFixture : IAsyncLifetime
{
    public const decimal Revenue = 78590043.30m;

    private readonly TempDatabase _database = new();

    public AppProcess App { get; private set; } = default!;

    private static IEnumerable<OrderLine> Lines()
    {
        var n = 0;
        OrderLine Line(string category, int day, long minor, StatusGroup group = StatusGroup.Delivered) => AnalyticsFixture.Line(
            $"O{n++}", "A", $"2022-06-{day:00}", group, category, "MAHARASHTRA", "Amazon", "Amazon.in", "Standard", 1, "INR", minor);
        for (var i = 0; i < 4; i++)
        {
            yield return Line("Set", 6 + i, 975000000);
        }
        for (var i = 0; i < 5; i++)
        {
            yield return Line("kurta", 7 + i, 500000000);
        }
        yield return Line("Western Dress", 11, 729502165);
        yield return Line("Western Dress", 12, 729502165);
        yield return Line("Set", 12, 123456789, StatusGroup.Cancelled);
    }

    public async Task InitializeAsync()
    {
        await using (var db = _database.Context())
        {
            db.OrderLines.AddRange(Lines());
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
