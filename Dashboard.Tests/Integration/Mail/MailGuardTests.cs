using Dashboard.Core.Data;
using Dashboard.Core.Digests;
using Dashboard.Core.Mail;
using Dashboard.Core.Orders;
using Dashboard.Core.Users;
using Dashboard.Tests.Integration.Digests;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Dashboard.Tests.Integration.Mail;

/// <summary>
/// <see cref="MailGuard"/>'s limits, counted in the store: two instances over one store together send no more than the
/// limits allow, per address and per user; an hour later they send again; a scheduled digest counts but is not held back.
/// </summary>
public abstract class MailGuardTests(StoreProvider provider) : StoreTest(provider), IDisposable
{
    private const int PerUser = 5;
    private const int PerAddress = 3;

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingTransport _mail = new();
    private TempDatabase? _db;

    private TempDatabase Db => _db ??= NewDatabase();

    public void Dispose() => _db?.Dispose();

    private ServiceProvider Instance() => MailServices.Process(Db, _clock, _mail, new Dictionary<string, string?>
    {
        ["Mail:MaxSendsPerUserPerHour"] = PerUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:MaxSendsPerAddressPerHour"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static async Task<(UserAccount User, DigestSubscription Subscription)> Confirmed(ServiceProvider instance, string name, string address)
    {
        var users = instance.GetRequiredService<UserService>();
        var user = (await users.ListAsync()).FirstOrDefault(u => u.UserName == name) ?? await instance.AddUserAsync(name, Role.Viewer);
        var saved = await instance.GetRequiredService<DigestSubscriptions>().SaveAsync(user,
            new SubscriptionInput(user.Id, address, DayOfWeek.Monday, 7, "UTC", OrderFilter.None));
        await instance.ConfirmAsync(user.Id, address);
        return (user, saved.Subscription);
    }

    private static async Task<int> TestSends(ServiceProvider instance, MailIntent intent, int clicks)
    {
        var guard = instance.GetRequiredService<MailGuard>();
        var sent = 0;
        for (var i = 0; i < clicks; i++)
        {
            try
            {
                await guard.SendAsync(intent, _ => Task.FromResult(new MimeMessage { Subject = "test" }));
                sent++;
            }
            catch (MailRefusedException)
            {
            }
        }
        return sent;
    }

    [Fact]
    public async Task TwoInstancesTogetherSendAnAddressNoMoreThanItsLimit()
    {
        await using var first = Instance();
        await using var second = Instance();
        var (alice, _) = await Confirmed(first, "alice", "team@example.test");
        var (bob, _) = await Confirmed(second, "bob", "team@example.test");
        var fromAlice = new MailIntent(alice.Id, "team@example.test", MailKind.Test);
        var fromBob = new MailIntent(bob.Id, "Team@Example.test", MailKind.Test);

        var sent = 0;
        for (var round = 0; round < 10; round++)
        {
            sent += await TestSends(first, fromAlice, 1) + await TestSends(second, fromBob, 1);
        }

        Assert.Equal(PerAddress, _mail.To("team@example.test"));       // the two confirmation links count too
        Assert.Equal(PerAddress - 2, sent);
        _clock.Advance(MailGuard.Window);
        Assert.Equal(PerAddress, await TestSends(second, fromBob, 10));  // an hour later the address has its whole hour again
    }

    [Fact]
    public async Task AUserGetsNoMoreThanTheirLimitAcrossAddressesAndInstances()
    {
        await using var first = Instance();
        await using var second = Instance();
        var addresses = new[] { "a@example.test", "b@example.test", "c@example.test" };
        UserAccount? carol = null;
        foreach (var address in addresses)
        {
            (carol, _) = await Confirmed(first, "carol", address);
        }

        var sent = 0;
        foreach (var address in addresses)
        {
            sent += await TestSends(first, new MailIntent(carol!.Id, address, MailKind.Test), 2)
                  + await TestSends(second, new MailIntent(carol.Id, address, MailKind.Test), 2);
        }

        Assert.Equal(PerUser, addresses.Sum(_mail.To));
        Assert.Equal(PerUser - addresses.Length, sent);
    }

    [Fact]
    public async Task AnUnconfirmedAddressGetsOnlyItsConfirmationAndAScheduledDigestIsCountedButNotHeldBack()
    {
        await using var instance = Instance();
        var dave = await instance.AddUserAsync("dave", Role.Viewer);
        var saved = await instance.GetRequiredService<DigestSubscriptions>().SaveAsync(dave,
            new SubscriptionInput(dave.Id, "dave@example.test", DayOfWeek.Monday, 7, "UTC", OrderFilter.None));
        Assert.True(saved.Address.LinkSent);
        Assert.Equal(0, await TestSends(instance, new MailIntent(dave.Id, "dave@example.test", MailKind.Test), 3));
        Assert.Equal(0, await TestSends(instance, new MailIntent(dave.Id, "dave@example.test", MailKind.Scheduled), 1));
        await instance.ConfirmAsync(dave.Id, "dave@example.test");

        Assert.Equal(PerAddress + 2, await TestSends(instance, new MailIntent(dave.Id, "dave@example.test", MailKind.Scheduled), PerAddress + 2));
        Assert.Equal(0, await TestSends(instance, new MailIntent(dave.Id, "dave@example.test", MailKind.Test), 1));
        Assert.Equal(1 + PerAddress + 2, _mail.To("dave@example.test"));
    }

    [Fact]
    public async Task TheGuardSendsToTheBareAddressAloneWhateverTheMessageSays()
    {
        await using var instance = Instance();
        var (erin, _) = await Confirmed(instance, "erin", "erin@example.test");
        var guard = instance.GetRequiredService<MailGuard>();

        await guard.SendAsync(new MailIntent(erin.Id, "erin@example.test", MailKind.Test), _ =>
        {
            var message = new MimeMessage { Subject = "test" };
            message.To.Add(new MailboxAddress("Cheap pills at http://evil.example", "erin@example.test"));
            message.Cc.Add(MailboxAddress.Parse("other@example.test"));
            message.Bcc.Add(MailboxAddress.Parse("hidden@example.test"));
            return Task.FromResult(message);
        });
        var refused = await Assert.ThrowsAsync<MailRefusedException>(() => guard.SendAsync(
            new MailIntent(erin.Id, "Cheap pills <erin@example.test>", MailKind.Test), _ => Task.FromResult(new MimeMessage())));

        var last = _mail.Sent[^1];
        Assert.Equal("erin@example.test", Assert.Single(last.To.Mailboxes).Address);
        Assert.Equal("", last.To.Mailboxes.Single().Name ?? "");
        Assert.Empty(last.Cc);
        Assert.Empty(last.Bcc);
        Assert.StartsWith("E-mail address:", refused.Message);
    }

    [Fact]
    public async Task AConfirmationLinkWorksForItsLifetimeOnly()
    {
        await using var instance = Instance();
        var frank = await instance.AddUserAsync("frank", Role.Viewer);
        await instance.GetRequiredService<DigestSubscriptions>().SaveAsync(frank,
            new SubscriptionInput(frank.Id, "frank@example.test", DayOfWeek.Monday, 7, "UTC", OrderFilter.None));
        var line = (_mail.Sent[^1].TextBody ?? "").Split('\n').Single(l => l.StartsWith("Confirm: ", StringComparison.Ordinal));
        var token = Uri.UnescapeDataString(new Uri(line["Confirm: ".Length..].Trim()).Query["?token=".Length..]);
        var addresses = instance.GetRequiredService<ConfirmedAddresses>();

        _clock.Advance(ConfirmationTokens.Lifetime - TimeSpan.FromMinutes(1));
        Assert.Equal("frank@example.test", await addresses.AddressOfAsync(token));
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Null(await addresses.AddressOfAsync(token));
        Assert.False(await addresses.ConfirmAsync(token));
        Assert.False(await instance.GetRequiredService<MailGuard>().IsConfirmedAsync(frank.Id, "frank@example.test"));
    }

    private sealed class CountingTransport : IMailTransport
    {
        private readonly List<MimeMessage> _sent = [];

        public IReadOnlyList<MimeMessage> Sent
        {
            get
            {
                lock (_sent)
                {
                    return [.. _sent];
                }
            }
        }

        public int To(string address) => Sent.Count(m => m.To.Mailboxes.Any(a => a.Address == address));

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
        {
            lock (_sent)
            {
                _sent.Add(message);
            }
            return Task.CompletedTask;
        }
    }
}

public sealed class MailGuardOnSqliteTests() : MailGuardTests(StoreProvider.Sqlite);

public sealed class MailGuardOnPostgreSqlTests() : MailGuardTests(StoreProvider.PostgreSql);
