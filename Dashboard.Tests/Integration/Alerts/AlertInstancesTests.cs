using Dashboard.Core.Alerts;
using Dashboard.Core.Data;
using Dashboard.Core.Orders;
using Dashboard.Tests.Integration.Digests;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration.Alerts;

/// <summary>
/// Two instances over one PostgreSQL store check the same import at the same moment: the unique (rule, period) row lets exactly
/// one of them fire, and exactly one mail goes out.
/// </summary>
public sealed class AlertInstancesTests
{
    [Fact]
    public async Task TwoInstancesCheckingOneImportSendOneMail()
    {
        using var db = new TempDatabase(provider: StoreProvider.PostgreSql);
        var clock = new ManualClock(new DateTimeOffset(2022, 4, 25, 6, 0, 0, TimeSpan.Zero));
        var (mailA, mailB) = (new AlertTransport(), new AlertTransport());
        await using var a = MailServices.Process(db, clock, mailA);
        await using var b = MailServices.Process(db, clock, mailB);
        var user = await a.UserAsync("ana");
        await a.GetRequiredService<AlertRules>().SaveAsync(user, AlertFixture.Input("above", 15, email: "ana@example.test"));
        await a.ConfirmAsync(user.Id, "ana@example.test");
        var summary = a.Import(AlertFixture.Csv());
        var touched = new DateRange(summary.FirstDate!.Value, summary.LastDate!.Value);

        var results = await Task.WhenAll(
            Task.Run(() => a.GetRequiredService<AlertChecker>().CheckAsync(touched)),
            Task.Run(() => b.GetRequiredService<AlertChecker>().CheckAsync(touched)));

        Assert.All(results, r => Assert.Single(r.Hits));
        Assert.Equal(1, results.Sum(r => r.Fired));
        Assert.Equal(1, mailA.Sent.Count + mailB.Sent.Count);
    }
}
