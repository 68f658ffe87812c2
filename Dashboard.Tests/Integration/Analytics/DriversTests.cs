using System.Globalization;
using Dashboard.Core.Analytics;
using Dashboard.Core.Drivers;
using Dashboard.Core.Orders;
using Dashboard.Core.Weekly;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Integration.Analytics;

/// <summary>
/// What drove a change (docs/decisions/0032-drivers-mix-and-rate.md): every value's part, for every KPI, dimension and
/// week, sums exactly to the change the weekly review shows; orders spanning two values count once; the ratios' mix
/// and rate are what the formula says on a case worked by hand.
/// </summary>
public sealed class DriversTests
{
    private static (DriversQuery Drivers, WeeklyReviewQuery Weekly, OrdersOverviewQuery Overview) Queries(TempDatabase db, bool rollup = false)
    {
        var options = Options.Create(new AnalyticsOptions { FrameMaxLines = rollup ? 0 : int.MaxValue });
        var cache = new OrdersFrameCache(db.Contexts(), db.Version, options);
        var weekly = new WeeklyReviewQuery(cache, options);
        return (new DriversQuery(cache, weekly), weekly, new OrdersOverviewQuery(cache, options));
    }

    /// <summary>Six weeks of random orders of one to three lines, over several values of every dimension, some cancelled, some without a currency, one in USD.</summary>
    private static string SixWeeks(int seed)
    {
        var random = new Random(seed);
        var csv = new AmazonCsv();
        string[] categories = ["kurta", "Set", "Top", "Western Dress"];
        string[] states = ["MAHARASHTRA", "KERALA", "GOA", ""];
        var first = new DateOnly(2022, 4, 4);
        for (var o = 0; o < 420; o++)
        {
            var date = first.AddDays(random.Next(42)).ToString("MM-dd-yy", CultureInfo.InvariantCulture);
            var (state, fulfilment, channel) = (states[random.Next(states.Length)], random.Next(3) == 0 ? "Merchant" : "Amazon", random.Next(5) == 0 ? "Non-Amazon" : "Amazon.in");
            for (var l = random.Next(1, 4); l > 0; l--)
            {
                var cancelled = random.Next(6) == 0;
                csv.Line($"O-{o}", sku: $"S-{o}-{l}", date: date, status: cancelled ? "Cancelled" : "Shipped",
                    category: categories[random.Next(categories.Length)], qty: random.Next(1, 4).ToString(CultureInfo.InvariantCulture),
                    amount: cancelled && random.Next(2) == 0 ? "" : (random.Next(200, 2000) + random.Next(100) / 100m).ToString(CultureInfo.InvariantCulture),
                    currency: cancelled && random.Next(2) == 0 ? "" : o == 7 ? "USD" : "INR",
                    state: state, city: state.Length == 0 ? "" : "CITY", fulfilment: fulfilment, channel: channel, courier: cancelled ? "" : "Shipped");
            }
        }
        return csv.ToString();
    }

    [Fact]
    public async Task EveryKpisPartsSumExactlyToTheWeeklyReviewsChangeForEveryDimensionAndWeek()
    {
        using var db = new TempDatabase();
        db.Import(SixWeeks(26));
        var (drivers, weekly, _) = Queries(db);
        var checkedWeeks = 0;
        for (var week = new DateOnly(2022, 4, 11); week <= new DateOnly(2022, 5, 9); week = week.AddDays(7))
        {
            var review = await weekly.GetAsync(week, OrderFilter.None);
            foreach (var kpi in Enum.GetValues<DriverKpi>())
            {
                var shown = review.Kpis[(int)kpi];
                foreach (var by in Enum.GetValues<DriverDimension>())
                {
                    var b = await drivers.WeeklyAsync(week, kpi, by, OrderFilter.None);
                    Assert.Null(b.Unavailable);
                    Assert.Equal(b.Delta, b.Parts.Sum(p => p.Contribution));
                    Assert.All(b.Parts.Where(p => p.Mix is not null), p => Assert.Equal(p.Contribution, p.Mix!.Value + p.Rate!.Value));
                    if (kpi == DriverKpi.CancellationRate)
                    {
                        Assert.Equal((double)(shown.Value!.Value - shown.PreviousWeek!.Value), (double)b.Delta, 5);
                    }
                    else
                    {
                        Assert.Equal(shown.Value! - shown.PreviousWeek!, b.Delta);
                        Assert.Equal((shown.PreviousWeek, shown.Value), (b.Before, b.After));
                    }
                }
            }
            checkedWeeks++;
        }
        Assert.Equal(5, checkedWeeks);
    }

    [Fact]
    public async Task TheOverviewsChangeAgainstThePreviousPeriodSumsExactlyUnderAFilter()
    {
        using var db = new TempDatabase();
        db.Import(SixWeeks(7));
        var (drivers, _, overview) = Queries(db);
        var filter = OrderFilter.Parse([new("from", "2022-04-25"), new("to", "2022-05-15"), new("fulfilment", "Amazon")]);
        var kpis = (await overview.GetAsync(filter)).Kpis!;
        foreach (var by in Enum.GetValues<DriverDimension>())
        {
            var orders = await drivers.OverviewAsync(filter, DriverKpi.Orders, by);
            Assert.Equal(kpis.Orders.Change, orders.Delta);
            Assert.Equal(orders.Delta, orders.Parts.Sum(p => p.Contribution));
            var revenue = await drivers.OverviewAsync(filter, DriverKpi.Revenue, by);
            Assert.Equal(kpis.Revenue.Change, revenue.Delta);
            Assert.Equal(revenue.Delta, revenue.Parts.Sum(p => p.Contribution));
            var aov = await drivers.OverviewAsync(filter, DriverKpi.AverageOrderValue, by);
            Assert.Equal(kpis.AverageOrderValue.Change, aov.Delta);
            Assert.Equal(aov.Delta, aov.Parts.Sum(p => p.Contribution));
        }
        var byFulfilment = await drivers.OverviewAsync(filter, DriverKpi.Units, DriverDimension.Fulfilment);
        Assert.Equal(["Amazon"], byFulfilment.Parts.Select(p => p.Value)); // the filter's scope only
    }

    [Fact]
    public async Task AnOrderInTwoCategoriesCountsOnceForTheCategoryOfMostOfItsLines()
    {
        using var db = new TempDatabase();
        db.Import(new AmazonCsv()
            .Line("A-1", sku: "K-1", date: "04-25-22", category: "kurta")
            .Line("B-1", sku: "K-2", date: "05-02-22", category: "kurta")
            .Line("B-1", sku: "S-1", date: "05-02-22", category: "Set")
            .Line("B-1", sku: "S-2", date: "05-02-22", category: "Set")
            .Line("B-2", sku: "K-3", date: "05-03-22", category: "kurta")
            .Line("B-2", sku: "S-3", date: "05-03-22", category: "Set")
            .ToString());
        var (drivers, _, _) = Queries(db);

        var orders = await drivers.WeeklyAsync(new DateOnly(2022, 5, 2), DriverKpi.Orders, DriverDimension.Category, OrderFilter.None);

        // 1 order before, 2 after: B-1 counts for Set (two lines of three), B-2's tie goes to "Set" (ordinal before "kurta").
        Assert.Equal(1m, orders.Delta);
        Assert.Equal([("Set", 2m), ("kurta", -1m)], orders.Parts.Select(p => (p.Value, p.Contribution)));
    }

    [Fact]
    public async Task AValueTheKpiMeasuresNothingOfHasNoPart()
    {
        using var db = new TempDatabase();
        // Before: Maharashtra 500 INR. After: Maharashtra 700 INR, Goa one order in USD only, Kerala one cancelled line (states are
        // stored in title case).
        db.Import(new AmazonCsv()
            .Line("A-1", sku: "K-1", date: "04-25-22", amount: "500.00")
            .Line("B-1", sku: "K-2", date: "05-02-22", amount: "700.00")
            .Line("B-2", sku: "K-3", date: "05-03-22", amount: "10.00", currency: "USD", state: "GOA")
            .Line("B-3", sku: "K-4", date: "05-03-22", amount: "", currency: "", state: "KERALA", status: "Cancelled", courier: "")
            .ToString());
        var (drivers, _, _) = Queries(db);

        // Rupees: Goa's dollars and Kerala's cancelled line add none, so neither is a part of the change (not a 0 bar).
        var revenue = await drivers.WeeklyAsync(new DateOnly(2022, 5, 2), DriverKpi.Revenue, DriverDimension.State, OrderFilter.None);
        Assert.Equal(200m, revenue.Delta);
        Assert.Equal([("Maharashtra", 200m)], revenue.Parts.Select(p => (p.Value, p.Contribution)));
        // Orders count in any currency, and cancelled ones too: Goa and Kerala each add one.
        var orders = await drivers.WeeklyAsync(new DateOnly(2022, 5, 2), DriverKpi.Orders, DriverDimension.State, OrderFilter.None);
        Assert.Equal([("Goa", 1m), ("Kerala", 1m), ("Maharashtra", 0m)], orders.Parts.Select(p => (p.Value, p.Contribution)));
        // The cancellation rate's denominator is every line: 0 of 1 before, 1 of 3 after.
        var rate = await drivers.WeeklyAsync(new DateOnly(2022, 5, 2), DriverKpi.CancellationRate, DriverDimension.State, OrderFilter.None);
        Assert.Equal(["Goa", "Kerala", "Maharashtra"], rate.Parts.Select(p => p.Value).Order(StringComparer.Ordinal));
        Assert.Equal(rate.Delta, rate.Parts.Sum(p => p.Contribution));
    }

    [Fact]
    public async Task TheCancellationRatesMixAndRateAreTheFormulasOnAHandWorkedCase()
    {
        using var db = new TempDatabase();
        // Before: kurta 1 of 2 lines cancelled, Set 0 of 2. After: kurta 3 of 3, Set 0 of 1. 25 % to 75 %.
        db.Import(new AmazonCsv()
            .Line("A-1", sku: "K-1", date: "04-25-22", category: "kurta")
            .Line("A-2", sku: "K-2", date: "04-25-22", category: "kurta", status: "Cancelled", courier: "")
            .Line("A-3", sku: "S-1", date: "04-26-22", category: "Set")
            .Line("A-4", sku: "S-2", date: "04-26-22", category: "Set")
            .Line("B-1", sku: "K-3", date: "05-02-22", category: "kurta", status: "Cancelled", courier: "")
            .Line("B-2", sku: "K-4", date: "05-02-22", category: "kurta", status: "Cancelled", courier: "")
            .Line("B-3", sku: "K-5", date: "05-02-22", category: "kurta", status: "Cancelled", courier: "")
            .Line("B-4", sku: "S-3", date: "05-03-22", category: "Set")
            .ToString());
        var (drivers, _, _) = Queries(db);

        var rate = await drivers.WeeklyAsync(new DateOnly(2022, 5, 2), DriverKpi.CancellationRate, DriverDimension.Category, OrderFilter.None);

        // kurta: mix (0.75 − 0.5)(0.5 − 0.25) = 0.0625, rate 0.75 (1 − 0.5) = 0.375; Set: mix (0.25 − 0.5)(0 − 0.25) = 0.0625, rate 0.
        Assert.Equal((0.25m, 0.75m, 0.5m), (rate.Before!.Value, rate.After!.Value, rate.Delta));
        Assert.Equal([("kurta", 0.4375m, 0.0625m, 0.375m), ("Set", 0.0625m, 0.0625m, 0m)],
            rate.Parts.Select(p => (p.Value, p.Contribution, p.Mix!.Value, p.Rate!.Value)));
    }

    [Fact]
    public async Task PastTheFramesSizeTheBreakdownSaysItIsNotAvailable()
    {
        using var db = new TempDatabase();
        db.Import(SixWeeks(1));
        var (drivers, _, _) = Queries(db, rollup: true);

        var b = await drivers.WeeklyAsync(null, DriverKpi.Orders, DriverDimension.Category, OrderFilter.None);

        Assert.Equal(DriversQuery.TooLarge, b.Unavailable);
        Assert.Empty(b.Parts);
    }
}
