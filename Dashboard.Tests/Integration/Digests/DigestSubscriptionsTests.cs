using Dashboard.Core.Orders;
using Dashboard.Core.Data;
using Dashboard.Core.Digests;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Dashboard.Tests.Integration.Digests;

/// <summary>Subscriptions while an import holds the store's write lock longer than a write may wait (decision 0015).</summary>
public sealed class DigestSubscriptionsTests : IDisposable
{
    private readonly TempDatabase _db = new(busyTimeoutSeconds: 1);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task SubscribingAndUnsubscribingWhileTheStoreIsHeldAreRefusedWithAReasonAndChangeNothing()
    {
        await using var process = MailServices.Process(_db, TimeProvider.System, new DiscardingTransport());
        var subscriptions = process.GetRequiredService<DigestSubscriptions>();
        var manager = await process.AddUserAsync("manager", Role.Viewer);
        SubscriptionInput Input(long? id = null) =>
            new(manager.Id, "manager@example.test", DayOfWeek.Monday, 8, "UTC", OrderFilter.None, id);
        var kept = (await subscriptions.SaveAsync(manager, Input())).Subscription;

        using (_db.HoldWriteLock())
        {
            var save = await Assert.ThrowsAsync<SubscriptionRefusedException>(() => subscriptions.SaveAsync(manager, Input()));
            Assert.Equal(StoreBusy.Message, save.Message);
            await Assert.ThrowsAsync<SubscriptionRefusedException>(() => subscriptions.DeleteAsync(manager, kept.Id));
            await Assert.ThrowsAsync<SubscriptionRefusedException>(() => subscriptions.UnsubscribeAsync(kept.Id));
        }

        Assert.Equal([kept.Id], (await subscriptions.ListAsync(manager.Id)).Select(s => s.Subscription.Id));
        await subscriptions.DeleteAsync(manager, kept.Id);
        Assert.Empty(await subscriptions.ListAsync(manager.Id));
    }

    private sealed class DiscardingTransport : IMailTransport
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
