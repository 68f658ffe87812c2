using System.Text.Json;
using Dashboard.Core.Analytics;
using Dashboard.Core.Orders;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Integration.Analytics;

/// <summary>The fused, parallel scan of the overview against itself on one thread and against the separate KPI scan.</summary>
public abstract class OrdersOverviewScanTests
{
    private readonly OrdersFrame _frame;
    private readonly OrdersOverviewQuery _query;

    protected OrdersOverviewScanTests(AnalyticsFixture fixture)
    {
        using var db = fixture.CreateContext();
        _frame = OrdersFrame.LoadAsync(db, 1).GetAwaiter().GetResult();
        _query = new OrdersOverviewQuery(null!, Options.Create(new AnalyticsOptions()));
    }

    public static TheoryData<string> Filters => new()
    {
        "",
        "from=2022-06-13&to=2022-06-19",
        "category=Set&weekday=mon",
        "status=Cancelled&status=Delivered",
        "state=MAHARASHTRA&b2b=false",
        "from=2022-06-07&to=2022-07-01&category=kurta&category=Set",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void ScanningInPartsGivesTheSameOverviewAsOnePass(string query)
    {
        var filter = Parse(query);
        foreach (var grain in Enum.GetValues<TimeGrain>())
        {
            var one = JsonSerializer.Serialize(_query.Compute(_frame, filter, grain, parts: 1));
            for (var parts = 2; parts <= 5; parts++)
            {
                Assert.Equal(one, JsonSerializer.Serialize(_query.Compute(_frame, filter, grain, parts)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public void TheFusedKpisEqualTheSeparateKpiScan(string query)
    {
        var filter = Parse(query);
        var fused = _query.Compute(_frame, filter, TimeGrain.Day).Kpis!;
        var separate = OrdersOverviewQuery.Kpis(_frame, new CompiledFilter(_frame, filter), fused.Period);
        Assert.Equal(separate.Current, fused.Current);
        Assert.Equal(separate.Previous, fused.Previous);
    }

    [Fact]
    public void ADailySeriesFilteredToSomeWeekdaysShowsOnlyThoseDaysNotZerosBetweenThem()
    {
        var all = _query.Compute(_frame, OrderFilter.None, TimeGrain.Day).OverTime.Points;
        var mondays = _query.Compute(_frame, Parse("weekday=mon"), TimeGrain.Day).OverTime.Points;

        Assert.All(mondays, p => Assert.Equal(DayOfWeek.Monday, p.Start.DayOfWeek));
        Assert.Equal(all.Where(p => p.Start.DayOfWeek == DayOfWeek.Monday).Select(p => (p.Start, p.Orders, p.Revenue)),
            mondays.Select(p => (p.Start, p.Orders, p.Revenue)));
        Assert.Equal([1, 1], mondays.Where(p => p.Orders > 0).Select(p => p.Orders)); // 6 June: O1 (two lines, one order); 13 June: O4
        // Weeks keep every week: a week holds Mondays.
        var weeks = _query.Compute(_frame, Parse("weekday=mon"), TimeGrain.Week).OverTime.Points;
        Assert.Equal(_query.Compute(_frame, OrderFilter.None, TimeGrain.Week).OverTime.Points.Count, weeks.Count);
    }

    [Fact]
    public void WeeksCanStartOnSunday()
    {
        var query = new OrdersOverviewQuery(null!, Options.Create(new AnalyticsOptions { WeekStartsOn = DayOfWeek.Sunday }));
        var weeks = query.Compute(_frame, OrderFilter.None, TimeGrain.Week).OverTime.Points;
        // Data 6 June (Mon) .. 1 July (Fri): Sunday weeks from 5 June; the first and the last are partial.
        Assert.Equal(["2022-06-05", "2022-06-12", "2022-06-19", "2022-06-26"], weeks.Select(w => w.Start.ToString("yyyy-MM-dd")));
        Assert.Equal([true, false, false, true], weeks.Select(w => w.Partial));
        Assert.Equal([3, 2, 1, 1], weeks.Select(w => w.Orders)); // O1 O2 O3 | O4 O7 | O5 (Sun 19) | O6
    }

    private static OrderFilter Parse(string query) => OrderFilter.Parse(query.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string?>(p[0], p[1])));
}

public sealed class OrdersOverviewScanOnSqliteTests(AnalyticsFixture fixture) : OrdersOverviewScanTests(fixture), IClassFixture<AnalyticsFixture>;

public sealed class OrdersOverviewScanOnPostgreSqlTests(PostgreSqlAnalyticsFixture fixture) : OrdersOverviewScanTests(fixture), IClassFixture<PostgreSqlAnalyticsFixture>;
