using Dashboard.Core.Alerts;
using Dashboard.Core.Users;
using Dashboard.Tests.Integration.Digests;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration.Alerts;

/// <summary>
/// Rules judged against <see cref="AlertFixture"/>'s three weeks, whose answers are counted by hand: thresholds by day and by
/// week, under a filter and without, the change against the same weekday of the week before, the cancellation rate and
/// average order value as the KPI tiles define them, "no new data", and the refusals of bad rules.
/// </summary>
public sealed class AlertEvaluatorTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2022, 4, 25, 6, 0, 0, TimeSpan.Zero));
    private readonly AlertTransport _mail = new();
    private readonly ServiceProvider _process;

    public AlertEvaluatorTests()
    {
        _process = MailServices.Process(_db, _clock, _mail);
        _process.Import(AlertFixture.Csv());
    }

    public void Dispose()
    {
        _process.Dispose();
        _db.Dispose();
    }

    private async Task<IReadOnlyList<AlertHit>> Preview(AlertInput input, Role role = Role.Viewer)
    {
        var rule = AlertRules.Draft(await _process.UserAsync(role == Role.Admin ? "root" : "ana", role), input);
        return await _process.GetRequiredService<AlertEvaluator>().PreviewAsync(rule);
    }

    private static DateOnly D(int month, int day) => new(2022, month, day);

    [Fact]
    public async Task DailySetOrdersAboveTenFireOnTheSundaysAndTheSpike()
    {
        var hits = await Preview(AlertFixture.Input("above", 10));

        Assert.Equal([D(4, 10), D(4, 17), D(4, 20), D(4, 24)], hits.Select(h => h.Start));
        Assert.Equal([11m, 11m, 20m, 11m], hits.Select(h => h.Value));
    }

    [Fact]
    public async Task WithoutTheFilterTheKurtaOrdersCountToo()
    {
        // Every day has 3 kurta orders more: only the spike (23) is above 14; the Sundays have exactly 14.
        var hits = await Preview(AlertFixture.Input("above", 14, filter: ""));

        Assert.Equal([D(4, 20)], hits.Select(h => h.Start));
        Assert.Equal(23m, hits[0].Value);
    }

    [Fact]
    public async Task AChangeIsJudgedAgainstTheSameWeekdayOfTheWeekBefore()
    {
        // Week 1 has no week before in the data; week 2 repeats week 1; on 2022-04-20, 20 against 7 is +186%.
        var hits = await Preview(AlertFixture.Input("change", 50));

        var hit = Assert.Single(hits);
        Assert.Equal((D(4, 20), 20m, 7m), (hit.Start, hit.Value, hit.Compared));
    }

    [Fact]
    public async Task WeeklySetOrdersBelowSixtyFireForTheTwoQuietWeeks()
    {
        // 5 + 6 + … + 11 = 56 a week; the third week has 56 − 7 + 20 = 69.
        var hits = await Preview(AlertFixture.Input("below", 60, grain: "week"));

        Assert.Equal([(D(4, 4), D(4, 10), 56m), (D(4, 11), D(4, 17), 56m)], hits.Select(h => (h.Start, h.End, h.Value)));
    }

    [Fact]
    public async Task TheCancellationRateAndAverageOrderValueAreTheTilesOwn()
    {
        // 2 of Friday 2022-04-22's 9 Set lines are cancelled: 22.2222% (to 4 decimals).
        var rate = await Preview(AlertFixture.Input("above", 15, metric: "cancellation-rate"));
        var aov = await Preview(AlertFixture.Input("below", 100.01m, metric: "aov", filter: "category=Set&status=Cancelled"));

        var hit = Assert.Single(rate);
        Assert.Equal((D(4, 22), 22.2222m), (hit.Start, hit.Value));
        Assert.Empty(aov); // only cancelled lines: no order with sales, so no average to judge
    }

    [Fact]
    public async Task NoNewDataFiresOnceTheLastImportIsOldEnoughAndOnlyForAdmins()
    {
        var refusal = await Assert.ThrowsAsync<AlertRefusedException>(() => Preview(AlertFixture.Input("no-new-data", 3)));
        Assert.Contains("admin", refusal.Message);

        Assert.Empty(await Preview(AlertFixture.Input("no-new-data", 3), Role.Admin));
        _clock.Advance(TimeSpan.FromDays(3));
        var hit = Assert.Single(await Preview(AlertFixture.Input("no-new-data", 3), Role.Admin));
        Assert.Equal((D(4, 25), 3m), (hit.Start, hit.Value));
    }

    [Theory]
    [InlineData("orders", "day", "colour=red", "above", 1.0, "me@example.test", "name", "filter: 'colour'")]
    [InlineData("profit", "day", "", "above", 1.0, "me@example.test", "name", "metric: 'profit'")]
    [InlineData("orders", "day", "", "change", -5.0, "me@example.test", "name", "value: a change is a positive percentage")]
    [InlineData("orders", "day", "", "above", 1.0, "me@example.test", " ", "name: a rule needs a name")]
    [InlineData("orders", "month", "", "above", 1.0, "me@example.test", "name", "grain: 'month'")]
    [InlineData("orders", "day", "status=Misplaced", "above", 1.0, "me@example.test", "name", "filter: status")]
    [InlineData("aov", "day", "", "outside-range", null, "me@example.test", "name", "orders, units and revenue only")]
    [InlineData("orders", "day", "", "above", null, "me@example.test", "name", "value: this condition needs a value")]
    [InlineData("orders", "day", "", "above", 1.0, "Me <me@example.test>", "name", "email")]
    public async Task ABadRuleIsRefusedWithTheReason(string metric, string grain, string filter, string condition, double? value, string email, string name, string reason)
    {
        var viewer = await _process.UserAsync("ana");
        var input = new AlertInput(name, metric, grain, filter, condition, (decimal?)value, email);

        var refusal = await Assert.ThrowsAsync<AlertRefusedException>(() => _process.GetRequiredService<AlertRules>().SaveAsync(viewer, input));

        Assert.Contains(reason, refusal.Message);
        Assert.Empty(await _process.GetRequiredService<AlertRules>().ListAsync(null));
    }
}
