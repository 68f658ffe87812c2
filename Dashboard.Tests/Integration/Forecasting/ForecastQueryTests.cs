using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Analytics;
using Dashboard.Core.Data;
using Dashboard.Core.Forecasting;
using Dashboard.Core.Orders;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Integration.Forecasting;

/// <summary>
/// The forecast and the anomalies read from a store, over the frame and over the rollup: an odd day in one category is
/// flagged under that category's filter, and nothing after the filter's last day reaches the forecast.
/// </summary>
public abstract class ForecastQueryTests(StoreProvider provider) : StoreTest(provider)
{
    private static readonly DateOnly First = new(2022, 4, 1);
    private static readonly int[] KurtaWeek = [30, 34, 36, 33, 38, 24, 20];
    private static readonly int[] SetWeek = [12, 14, 15, 13, 16, 10, 9];
    private const int Days = 70;

    /// <summary>
    /// 70 days of one-line orders: kurta and Set each with a weekly shape and a small fixed wobble; kurta's day
    /// <paramref name="tripled"/> has three times its orders and day <paramref name="third"/> a third; from
    /// <paramref name="changedFrom"/> on, every kurta day has twice its orders.
    /// </summary>
    private static string Orders(int? tripled = null, int? third = null, int changedFrom = int.MaxValue)
    {
        var csv = new AmazonCsv();
        var id = 0;
        for (var d = 0; d < Days; d++)
        {
            var date = First.AddDays(d).ToString("MM-dd-yy", CultureInfo.InvariantCulture);
            var kurta = KurtaWeek[d % 7] + (d * 7 % 5) - 2;
            kurta = d == tripled ? 3 * kurta : d == third ? kurta / 3 : d >= changedFrom ? 2 * kurta : kurta;
            var set = SetWeek[d % 7] + (d * 3 % 3) - 1;
            for (var i = 0; i < kurta + set; i++)
            {
                csv.Line($"F-{id++}", sku: $"S-{i}-L", date: date, category: i < kurta ? "kurta" : "Set", amount: "100.00");
            }
        }
        return csv.ToString();
    }

    private static OrdersForecastQuery Query(TempDatabase db, bool rollup)
    {
        var options = Options.Create(new AnalyticsOptions { FrameMaxLines = rollup ? 0 : int.MaxValue });
        return new OrdersForecastQuery(new OrdersFrameCache(db.Contexts(), db.Version, options), options);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ADayTripledOrCutToAThirdInOneCategoryIsFlaggedUnderItsFilter(bool rollup)
    {
        using var db = NewDatabase();
        db.Import(Orders(tripled: 50, third: 57));
        var query = Query(db, rollup);
        var kurta = OrderFilter.None with { Categories = ["kurta"] };

        var flagged = await query.AnomaliesAsync(kurta, OrderMetric.Orders, TimeGrain.Day);

        Assert.Contains(flagged, a => a.Date == First.AddDays(50) && a.Value > a.High);
        Assert.Contains(flagged, a => a.Date == First.AddDays(57) && a.Value < a.Low);
        Assert.True(flagged.Count <= 4, string.Join(", ", flagged));
        // The same days under the Set filter are ordinary.
        var set = await query.AnomaliesAsync(OrderFilter.None with { Categories = ["Set"] }, OrderMetric.Orders, TimeGrain.Day);
        Assert.DoesNotContain(set, a => a.Date == First.AddDays(50) || a.Date == First.AddDays(57));
    }

    [Fact]
    public async Task AWeeksUnusualDaysAreThoseOfItsDaysOnly()
    {
        using var db = NewDatabase();
        db.Import(Orders(tripled: 50, third: 57));
        var query = Query(db, rollup: false);
        var kurta = OrderFilter.None with { Categories = ["kurta"] };

        // Day 50's week (days 49-55): only the tripled day, judged on the data up to the week's end; day 57 lies after it.
        var week = await query.DaysAsync(kurta, First.AddDays(49), First.AddDays(55));

        var day = Assert.Single(week);
        Assert.Equal(First.AddDays(50), day.Date);
        Assert.True(day.Value > day.High);
        Assert.Empty(await query.DaysAsync(kurta, First.AddDays(49), First.AddDays(55), new HashSet<DateOnly> { First.AddDays(50) }));
    }

    [Fact]
    public async Task LeftOutDaysAreNeverFlagged()
    {
        using var db = NewDatabase();
        db.Import(Orders(tripled: 50));
        var kurta = OrderFilter.None with { Categories = ["kurta"] };
        var flagged = await Query(db, rollup: false).AnomaliesAsync(kurta, OrderMetric.Orders, TimeGrain.Day, new HashSet<DateOnly> { First.AddDays(50) });
        Assert.DoesNotContain(flagged, a => a.Date == First.AddDays(50));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NothingAfterTheFiltersLastDayChangesTheForecastOrTheAnomalies(bool rollup)
    {
        var to = First.AddDays(55);
        var filter = OrderFilter.None with { To = to };
        using var before = NewDatabase();
        before.Import(Orders());
        using var changed = NewDatabase();
        changed.Import(Orders(changedFrom: 56));

        async Task<string> Answer(TempDatabase db)
        {
            var query = Query(db, rollup);
            return JsonSerializer.Serialize(new
            {
                Forecast = await query.ForecastAsync(filter, OrderMetric.Orders, TimeGrain.Day),
                Weeks = await query.ForecastAsync(filter, OrderMetric.Units, TimeGrain.Week),
                Anomalies = await query.AnomaliesAsync(filter, OrderMetric.Revenue, TimeGrain.Day),
            });
        }

        var answer = await Answer(before);
        Assert.Equal(answer, await Answer(changed));
        var forecast = await Query(before, rollup).ForecastAsync(filter, OrderMetric.Orders, TimeGrain.Day);
        Assert.True(forecast.Shown, forecast.Reason);
        Assert.Equal(to.AddDays(1), forecast.Forecast[0].Date);
        Assert.Equal(14, forecast.Forecast.Count);
    }

    [Fact]
    public async Task TheFrameAndTheRollupGiveTheSameForecast()
    {
        using var db = NewDatabase();
        db.Import(Orders(tripled: 50));
        var filter = OrderFilter.None with { Categories = ["Set"] };
        var frame = await Query(db, rollup: false).ForecastAsync(filter, OrderMetric.Revenue, TimeGrain.Day, 30);
        Assert.True(frame.Shown, frame.Reason);
        Assert.Equal(JsonSerializer.Serialize(frame), JsonSerializer.Serialize(await Query(db, rollup: true).ForecastAsync(filter, OrderMetric.Revenue, TimeGrain.Day, 30)));
    }

    [Fact]
    public async Task TheDatasLastDayIsNotReadAsAFullOne()
    {
        using var db = NewDatabase();
        db.Import(Orders(third: Days - 1));
        var query = Query(db, rollup: false);
        var anomalies = await query.AnomaliesAsync(OrderFilter.None, OrderMetric.Orders, TimeGrain.Day);
        Assert.DoesNotContain(anomalies, a => a.Date == First.AddDays(Days - 1));
        var forecast = await query.ForecastAsync(OrderFilter.None, OrderMetric.Orders, TimeGrain.Day);
        // A week after the cut day, the forecast is a full Thursday's (kurta 21 + Set 8), not one of 7 + 8.
        var sameWeekday = forecast.Forecast.Single(p => p.Date == First.AddDays(Days - 1 + 7));
        Assert.InRange(sameWeekday.Expected, 25, 33);
    }
}

public sealed class ForecastQueryOnSqliteTests() : ForecastQueryTests(StoreProvider.Sqlite);

public sealed class ForecastQueryOnPostgreSqlTests() : ForecastQueryTests(StoreProvider.PostgreSql);
