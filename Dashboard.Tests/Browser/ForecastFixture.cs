using System.Net.Http.Json;
using Dashboard.Core.Orders;
using Dashboard.Tests.Integration.Analytics;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The app as a process over 13 weeks (Fri 1 April – Thu 30 June 2022) of daily orders with a weekly shape and a little
/// noise (a fixed seed), three times the usual orders on Wed 8 June (an anomaly), and an event over 20–22 June: enough
/// history for the overview to draw the forecast, its bands, the anomaly and the event.
/// </summary>
public sealed class ForecastFixture : IAsyncLifetime
{
    public static readonly DateOnly Spike = new(2022, 6, 8);

    private static readonly int[] Week = [20, 24, 26, 25, 28, 18, 16]; // Monday first

    private readonly TempDatabase _database = new();

    public AppProcess App { get; private set; } = default!;

    private static IEnumerable<OrderLine> Lines()
    {
        var random = new Random(5);
        var n = 0;
        for (var day = new DateOnly(2022, 4, 1); day <= new DateOnly(2022, 6, 30); day = day.AddDays(1))
        {
            var orders = Week[((int)day.DayOfWeek + 6) % 7] + random.Next(-3, 4);
            orders *= day == Spike ? 3 : 1;
            for (var i = 0; i < orders; i++)
            {
                yield return AnalyticsFixture.Line($"O{n++}", "A", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    StatusGroup.Delivered, "Set", "MAHARASHTRA", "Amazon", "Amazon.in", "Standard", 1, "INR", 50000);
            }
        }
    }

    public async Task InitializeAsync()
    {
        await using (var db = _database.Context())
        {
            db.OrderLines.AddRange(Lines());
            await db.SaveChangesAsync();
        }
        App = await AppProcess.StartAsync(_database.ConnectionString, new Dictionary<string, string> { ["Models__TrainOnFirstStart"] = "false" });
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = JsonContent.Create(new { label = "Sale days", start = "2022-06-20", end = "2022-06-22" }) };
        post.Headers.Add("X-CSRF-TOKEN", await TestUsers.ApiTokenAsync(App.Http));
        (await App.Http.SendAsync(post)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _database.Dispose();
    }
}
