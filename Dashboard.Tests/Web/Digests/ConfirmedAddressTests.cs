using System.Net;
using Dashboard.Core.Digests;
using Dashboard.Core.Mail;
using Dashboard.Core.Orders;
using Dashboard.Core.Users;
using Dashboard.Tests.Integration.Analytics;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Dashboard.Tests.Web.Digests;

/// <summary>The web app with small mail limits, sending to an <see cref="SmtpSink"/> on loopback.</summary>
public sealed class MailLimitsAppFactory : WebApplicationFactory<Program>
{
    public const int PerUser = 6;
    public const int PerAddress = 4;
    public const int Subscriptions = 3;

    private readonly AnalyticsFixture _data = new();

    public SmtpSink Sink { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Dashboard", _data.ConnectionString);
        foreach (var (key, value) in Sink.Settings())
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Mail:MaxSendsPerUserPerHour", PerUser.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:MaxSendsPerAddressPerHour", PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:MaxSubscriptionsPerUser", Subscriptions.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _data.Dispose();
        }
    }
}

/// <summary>
/// Mail only to confirmed addresses: a viewer cannot make the server mail an address they do not control, an address gets
/// its confirmation and nothing else until the link is followed, and the send limits and the subscription cap hold.
/// </summary>
public sealed class ConfirmedAddressTests(MailLimitsAppFactory factory) : IClassFixture<MailLimitsAppFactory>
{
    private DigestSubscriptions Subscriptions => factory.Services.GetRequiredService<DigestSubscriptions>();

    private static SubscriptionInput Input(UserAccount user, string email) =>
        new(user.Id, email, DayOfWeek.Monday, 7, "UTC", OrderFilter.None);

    private List<MimeMessage> MailTo(string address) =>
        factory.Sink.Messages.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    private static string LinkAfter(MimeMessage message, string label) =>
        (message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Single(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..];

    private Task<MimeMessage> ConfirmationTo(string address) =>
        factory.Sink.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == address) && (m.Subject ?? "").StartsWith("Confirm", StringComparison.Ordinal), 10);

    private async Task FollowAsync(string link)
    {
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var path = new Uri(link).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        var done = await anonymous.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
    }

    [Theory]
    [InlineData("Cheap pills at http://evil.example <victim@example.test>")]
    [InlineData("victim@example.test (Cheap pills at http://evil.example)")]
    [InlineData("\"Cheap pills\" <victim@example.test>")]
    [InlineData("victim@example.test, other@example.test")]
    [InlineData("victim@example.test\r\nBcc: other@example.test")]
    [InlineData("<victim@example.test>")]
    [InlineData("victim")]
    [InlineData("victim@localhost")]
    [InlineData("vic tim@example.test")]
    [InlineData("victim@@example.test")]
    [InlineData("victim@exa_mple.test")]
    [InlineData("")]
    public async Task AnythingButABareAddressIsRefusedNamingTheField(string email)
    {
        var user = await factory.Services.AddUserAsync("strict-" + Guid.NewGuid().ToString("N")[..8], Role.Viewer);

        var refused = await Assert.ThrowsAsync<SubscriptionRefusedException>(() => Subscriptions.SaveAsync(user, Input(user, email)));

        Assert.StartsWith("E-mail address:", refused.Message);
        Assert.Empty(await Subscriptions.ListAsync(user.Id));
    }

    [Fact]
    public async Task AnAddressIsStoredBareAndInLowerCase()
    {
        var user = await factory.Services.AddUserAsync("bare-user", Role.Viewer);

        await Subscriptions.SaveAsync(user, Input(user, "  Bare.User@Example.TEST "));

        Assert.Equal("bare.user@example.test", Assert.Single(await Subscriptions.ListAsync(user.Id)).Subscription.Email);
        var confirmation = await ConfirmationTo("bare.user@example.test");
        Assert.Equal("", confirmation.To.Mailboxes.Single().Name ?? "");
    }

    [Fact]
    public async Task AViewerCannotMakeTheServerMailAnAddressTheyDoNotControl()
    {
        var viewer = await factory.Services.AddUserAsync("spammer", Role.Viewer);
        const string victim = "victim@example.test";

        var first = (await Subscriptions.SaveAsync(viewer, Input(viewer, victim))).Subscription.Id;
        for (var i = 0; i < 10; i++)
        {
            var view = (await Subscriptions.ListAsync(viewer.Id)).Single();
            Assert.False(view.Confirmed);
            await Assert.ThrowsAsync<MailRefusedException>(() => Subscriptions.SendTestAsync(viewer, view.Subscription.Id));
        }
        await Subscriptions.SaveAsync(viewer, Input(viewer, victim) with { Hour = 9, Id = first });
        await Subscriptions.DeleteAsync(viewer, first);
        await Subscriptions.SaveAsync(viewer, Input(viewer, victim));

        var confirmation = await ConfirmationTo(victim);
        Assert.Equal([confirmation], MailTo(victim));
        Assert.DoesNotContain("evil", confirmation.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AfterTheLinkIsFollowedFiftyTestClicksSendNoMoreThanTheAddressLimit()
    {
        var user = await factory.Services.AddUserAsync("clicker", Role.Viewer);
        const string address = "clicker@example.test";
        await Subscriptions.SaveAsync(user, Input(user, address));
        await FollowAsync(LinkAfter(await ConfirmationTo(address), "Confirm: "));
        var view = Assert.Single(await Subscriptions.ListAsync(user.Id));

        var sent = 0;
        for (var click = 0; click < 50; click++)
        {
            try
            {
                await Subscriptions.SendTestAsync(user, view.Subscription.Id);
                sent++;
            }
            catch (MailRefusedException refused)
            {
                Assert.Contains("Mail:MaxSendsPerAddressPerHour", refused.Message);
            }
        }

        // The confirmation counts against the address too.
        Assert.Equal(MailLimitsAppFactory.PerAddress - 1, sent);
        Assert.Equal(MailLimitsAppFactory.PerAddress, MailTo(address).Count);
    }

    [Fact]
    public async Task AUserCannotSubscribeMoreAddressesThanTheCap()
    {
        var user = await factory.Services.AddUserAsync("collector", Role.Viewer);

        var refused = 0;
        for (var i = 0; i < 34; i++)
        {
            try
            {
                await Subscriptions.SaveAsync(user, Input(user, $"target{i}@example.test"));
            }
            catch (SubscriptionRefusedException)
            {
                refused++;
            }
        }

        Assert.Equal(MailLimitsAppFactory.Subscriptions, (await Subscriptions.ListAsync(user.Id)).Count);
        Assert.Equal(34 - MailLimitsAppFactory.Subscriptions, refused);
    }

    [Fact]
    public async Task AnAddressThatUnsubscribedNeedsANewConfirmation()
    {
        var user = await factory.Services.AddUserAsync("leaver", Role.Viewer);
        const string address = "leaver@example.test";
        await Subscriptions.SaveAsync(user, Input(user, address));
        var firstLink = LinkAfter(await ConfirmationTo(address), "Confirm: ");
        await FollowAsync(firstLink);
        var view = Assert.Single(await Subscriptions.ListAsync(user.Id));
        var digest = await Subscriptions.SendTestAsync(user, view.Subscription.Id);
        await FollowAsync(LinkAfter(digest, "Unsubscribe: "));
        Assert.Empty(await Subscriptions.ListAsync(user.Id));
        var before = MailTo(address).Count;

        await Subscriptions.SaveAsync(user, Input(user, address));

        var again = await factory.Sink.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == address) && (m.Subject ?? "").StartsWith("Confirm", StringComparison.Ordinal)
            && LinkAfter(m, "Confirm: ") != firstLink, 10);
        view = Assert.Single(await Subscriptions.ListAsync(user.Id));
        Assert.False(view.Confirmed);
        await Assert.ThrowsAsync<MailRefusedException>(() => Subscriptions.SendTestAsync(user, view.Subscription.Id));
        Assert.Equal(before + 1, MailTo(address).Count);
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync(new Uri(firstLink).PathAndQuery, null)).StatusCode); // the old link is spent
        Assert.False(Assert.Single(await Subscriptions.ListAsync(user.Id)).Confirmed);
        Assert.Same(again, MailTo(address)[^1]);
    }

    [Fact]
    public async Task AConfirmedAddressStaysConfirmedForTheUsersNextSubscriptionButNotForAnotherUser()
    {
        var owner = await factory.Services.AddUserAsync("owner", Role.Viewer);
        var other = await factory.Services.AddUserAsync("other", Role.Viewer);
        const string address = "shared@example.test";
        await Subscriptions.SaveAsync(owner, Input(owner, address));
        await FollowAsync(LinkAfter(await ConfirmationTo(address), "Confirm: "));

        var second = await Subscriptions.SaveAsync(owner, Input(owner, address) with { Day = DayOfWeek.Friday });
        var foreign = await Subscriptions.SaveAsync(other, Input(other, address));

        Assert.True(second.Address.Confirmed);
        Assert.False(second.Address.LinkSent);
        Assert.False(foreign.Address.Confirmed);
        Assert.True(foreign.Address.LinkSent);
        await Assert.ThrowsAsync<MailRefusedException>(() => Subscriptions.SendTestAsync(other, foreign.Subscription.Id));
        var confirmations = MailTo(address).Where(m => m.Subject == ConfirmationMail.Subject).ToList();
        Assert.Equal(2, confirmations.Count);
        Assert.Contains("\"other\"", confirmations[1].TextBody);
        Assert.All(await Subscriptions.ListAsync(owner.Id), v => Assert.True(v.Confirmed));
    }

    [Fact]
    public async Task ASubscriptionAnAdminAddsForAUserWaitsForItsAddressToBeConfirmed()
    {
        var admin = await factory.Services.AddUserAsync("mail-admin", Role.Admin);
        var viewer = await factory.Services.AddUserAsync("managed", Role.Viewer);
        const string address = "managed@example.test";

        var saved = await Subscriptions.SaveAsync(admin, Input(viewer, address));

        Assert.Equal(viewer.Id, saved.Subscription.UserId);
        Assert.True(saved.Address.LinkSent);
        await Assert.ThrowsAsync<MailRefusedException>(() => Subscriptions.SendTestAsync(viewer, saved.Subscription.Id));
        var confirmation = await ConfirmationTo(address);
        Assert.Contains("\"managed\"", confirmation.TextBody);
        Assert.Equal([confirmation], MailTo(address));
        await FollowAsync(LinkAfter(confirmation, "Confirm: "));
        Assert.True(Assert.Single(await Subscriptions.ListAsync(viewer.Id)).Confirmed);
    }

    [Fact]
    public async Task AForgedOrDamagedConfirmationLinkIsRefused()
    {
        var user = await factory.Services.AddUserAsync("forger", Role.Viewer);
        const string address = "forger@example.test";
        await Subscriptions.SaveAsync(user, Input(user, address));
        var link = new Uri(LinkAfter(await ConfirmationTo(address), "Confirm: "));
        var token = Uri.UnescapeDataString(link.Query["?token=".Length..]);
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var forged = await anonymous.PostAsync("/mail/confirm?token=1", null);
        var damaged = await anonymous.PostAsync("/mail/confirm?token=" + Uri.EscapeDataString(token[..^3] + "AAA"), null);
        var asked = await anonymous.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, damaged.StatusCode);
        Assert.Contains("Confirm forger@example.test?", await asked.Content.ReadAsStringAsync());
        Assert.False(Assert.Single(await Subscriptions.ListAsync(user.Id)).Confirmed); // asking confirms nothing
    }
}
