using Dashboard.Core.Display;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Core.Orders;
using Dashboard.Core.Weekly;
using Dashboard.Core.Digests;
using Dashboard.Core.Mail;
using Dashboard.Core.Users;
using Dashboard.Tests.Integration.Analytics;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SkiaSharp;

namespace Dashboard.Tests.Web.Digests;

/// <summary>The web app over <see cref="AnalyticsFixture"/>'s data, sending its mail to an <see cref="SmtpSink"/> on loopback.</summary>
public sealed class DigestAppFactory : WebApplicationFactory<Program>
{
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
/// A digest through a real SMTP exchange over loopback (decision 0012): the subject names the week and the filters, the KPIs are
/// the weekly-review API's numbers, the charts are inline PNGs of the expected size, the page link opens the same review,
/// and the unsubscribe link works without signing in.
/// </summary>
public sealed partial class DigestMailTests(DigestAppFactory factory) : IClassFixture<DigestAppFactory>
{
    private static readonly OrderFilter SetInMaharashtra = OrderFilter.None with { Categories = ["Set"], States = ["MAHARASHTRA"] };

    private async Task<(UserAccount User, DigestSubscription Subscription)> Subscribe(string name, OrderFilter filter)
    {
        var user = await factory.Services.AddUserAsync(name, Role.Viewer);
        var saved = await factory.Services.GetRequiredService<DigestSubscriptions>().SaveAsync(user,
            new SubscriptionInput(user.Id, $"{name}@example.test", DayOfWeek.Monday, 7, "UTC", filter));
        await factory.Services.ConfirmAsync(user.Id, saved.Subscription.Email);
        return (user, saved.Subscription);
    }

    private async Task<MimeMessage> SendAndReceive(DigestSubscription subscription, DateOnly week)
    {
        await factory.Services.GetRequiredService<DigestDelivery>().SendAsync(subscription, week);
        return await factory.Sink.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == subscription.Email) && m.Subject != ConfirmationMail.Subject);
    }

    [Fact]
    public async Task ASubscriberWithTheirOwnNumberFormatGetsTheirDigestInItAndAnUnknownFormatIsRefused()
    {
        var subscriptions = factory.Services.GetRequiredService<DigestSubscriptions>();
        var (user, subscription) = await Subscribe("mail-german", SetInMaharashtra);
        var saved = await subscriptions.SaveAsync(user, DigestPagesInput(subscription) with { Culture = "de-DE" });
        Assert.Equal("de-DE", saved.Subscription.Culture);

        var text = ((await SendAndReceive(saved.Subscription, new DateOnly(2022, 6, 13))).TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);

        // O4's Set line against O1's, as de-DE writes them; the default (en-IN) would write ₹1,200.50.
        Assert.Contains("Revenue: 1.200,50 ₹\n", text);
        Assert.DoesNotContain("₹1,200.50", text);
        var refused = await Assert.ThrowsAsync<SubscriptionRefusedException>(() =>
            subscriptions.SaveAsync(user, DigestPagesInput(subscription) with { Culture = "xx-NOWHERE" }));
        Assert.Contains("'xx-NOWHERE' is not a number format", refused.Message);
    }

    [Fact]
    public async Task TheDigestSaysWhichCategoriesDroveTheRevenueAndListsTheWeeksEvents()
    {
        var (_, subscription) = await Subscribe("mail-drivers", OrderFilter.None);
        var analyst = await factory.Services.AddUserAsync("mail-events", Role.Analyst);
        var events = factory.Services.GetRequiredService<Dashboard.Core.Events.TimelineEvents>();
        var sale = await events.AddAsync(analyst, new Dashboard.Core.Events.EventInput("Sale", new DateOnly(2022, 6, 13), new DateOnly(2022, 6, 15)), null);
        await events.AddAsync(analyst, new Dashboard.Core.Events.EventInput("Later", new DateOnly(2022, 6, 27)), null);
        try
        {
            var text = ((await SendAndReceive(subscription, new DateOnly(2022, 6, 13))).TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);

            // 2,500.00 (Set 1,200.50, kurta 399.50, Western Dress 900.00) against 1,300.00 (Set 500.00, kurta 800.00), in en-IN.
            Assert.Contains("Revenue rose by +₹1,200.00 against the week before; the largest parts: Western Dress (+₹900.00), Set (+₹700.50) and kurta (", text);
            Assert.Contains("Events this week: Sale (13 Jun – 15 Jun).\n", text);
            Assert.DoesNotContain("Later", text);
        }
        finally
        {
            await events.DeleteAsync(analyst, sale.Id, null);
        }
    }

    private static SubscriptionInput DigestPagesInput(DigestSubscription s) =>
        new(s.UserId, s.Email, s.Day, s.Hour, s.TimeZone, DigestDelivery.FilterOf(s), s.Id, s.Culture);

    [Fact]
    public async Task TheDigestArrivesWithThePagesNumbersItsChartsALinkToThePageAndAWorkingUnsubscribeLink()
    {
        var (user, subscription) = await Subscribe("mail-manager", SetInMaharashtra);

        var message = await SendAndReceive(subscription, new DateOnly(2022, 6, 13));

        Assert.Equal("Weekly review 2022-06-13 – 2022-06-19 (category = Set; state = MAHARASHTRA)", message.Subject);
        Assert.Equal("dashboard@example.test", message.From.Mailboxes.Single().Address);

        // The KPIs: the API's numbers with the same filters, written as the page writes them.
        using var client = await factory.SignedInClientAsync();
        var api = JsonDocument.Parse(await client.GetStringAsync("/api/orders/weekly-review?week=2022-06-13&category=Set&state=MAHARASHTRA")).RootElement;
        var text = (message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        var html = message.HtmlBody ?? "";
        var kpis = api.GetProperty("kpis").EnumerateArray().ToList();
        Assert.Equal(5, kpis.Count);
        // The data is in INR and no Display:Culture is set: the digest is written in en-IN.
        var numbers = new DisplayNumbers(DisplayCultures.India);
        foreach (var kpi in kpis)
        {
            var name = kpi.GetProperty("name").GetString()!;
            var format = WeeklyReviewFormat.Format(name);
            var value = Decimal(kpi.GetProperty("value"));
            var previous = Decimal(kpi.GetProperty("previousWeek"));
            var earlier = Decimal(kpi.GetProperty("fourWeeksEarlier"));
            Assert.Contains($"{name}: {WeeklyReviewFormat.Value(value, format, numbers, "INR")}\n", text);
            Assert.Contains($"week before: {WeeklyReviewFormat.Value(previous, format, numbers, "INR")}, change {WeeklyReviewFormat.Change(new KpiValue(value, previous), format, numbers, "INR")}", text);
            Assert.Contains($"4 weeks earlier: {WeeklyReviewFormat.Value(earlier, format, numbers, "INR")}, change", text);
            Assert.Contains($"data-kpi=\"{name}\"", html);
        }
        // ... and the numbers themselves, worked out by hand: O4's Set line (1,200.50) against O1's (500.00).
        Assert.Contains("Orders: 1\n", text);
        Assert.Contains("Revenue: ₹1,200.50\n    week before: ₹500.00, change +₹700.50 (+140.1%)", text);
        Assert.Equal(1200.50m, Decimal(kpis.Single(k => k.GetProperty("name").GetString() == "Revenue").GetProperty("value")));

        // The charts: inline PNGs referred to by cid, nothing fetched from elsewhere.
        var images = message.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(4, images.Count);
        foreach (var image in images)
        {
            Assert.Contains($"src=\"cid:{image.ContentId}\"", html);
            using var bytes = new MemoryStream();
            await image.Content!.DecodeToAsync(bytes);
            using var bitmap = SKBitmap.Decode(bytes.ToArray());
            Assert.NotNull(bitmap);
            Assert.Equal((DigestCharts.Width, DigestCharts.Height), (bitmap.Width, bitmap.Height));
        }
        Assert.All(ImageSources().Matches(html), m => Assert.StartsWith("cid:", m.Groups[1].Value));

        // The link to the page: the same week and filters, and it opens.
        var page = LinkAfter(text, "Open the weekly review: ");
        Assert.Equal("http://localhost/weekly?week=2022-06-13&category=Set&state=MAHARASHTRA", page);
        Assert.Contains("href=\"http://localhost/weekly?week=2022-06-13&amp;category=Set&amp;state=MAHARASHTRA\"", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(page).PathAndQuery)).StatusCode);

        // The unsubscribe link, without signing in: it asks, then unsubscribes.
        var unsubscribe = new Uri(LinkAfter(text, "Unsubscribe: "));
        Assert.Equal($"<{unsubscribe}>", message.Headers["List-Unsubscribe"]);
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var ask = await anonymous.GetAsync(unsubscribe.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains("Unsubscribe from the weekly review?", await ask.Content.ReadAsStringAsync());
        Assert.NotEmpty(await factory.Services.GetRequiredService<DigestSubscriptions>().ListAsync(user.Id)); // asking changes nothing

        var done = await anonymous.PostAsync(unsubscribe.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("You are unsubscribed.", await done.Content.ReadAsStringAsync());
        Assert.Empty(await factory.Services.GetRequiredService<DigestSubscriptions>().ListAsync(user.Id));
        var audit = await factory.Services.GetRequiredService<AuditLog>().RecentAsync(50);
        Assert.Contains(audit, e => e.Action == DigestSubscriptions.Actions.Unsubscribed && e.UserName == "mail-manager");
    }

    [Fact]
    public async Task AForgedOrDamagedUnsubscribeLinkIsRefused()
    {
        var (_, subscription) = await Subscribe("mail-forger", OrderFilter.None);
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var forged = await anonymous.PostAsync("/digest/unsubscribe?token=" + subscription.Id, null);
        var damaged = await anonymous.GetAsync("/digest/unsubscribe?token=" + Uri.EscapeDataString(
            factory.Services.GetRequiredService<UnsubscribeTokens>().Create(subscription.Id)[..^3] + "AAA"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, damaged.StatusCode);
        Assert.Single(await factory.Services.GetRequiredService<DigestSubscriptions>().ListAsync(subscription.UserId));
    }

    [Fact]
    public async Task AWeekWithoutDataSaysSoInsteadOfSendingEmptyCharts()
    {
        var (_, subscription) = await Subscribe("mail-late", OrderFilter.None);

        var message = await SendAndReceive(subscription, new DateOnly(2022, 8, 1));

        Assert.Equal("Weekly review 2022-08-01 – 2022-08-07", message.Subject);
        Assert.Contains("No data for the week 2022-08-01 – 2022-08-07: the data ends before it", message.TextBody);
        Assert.Contains("data-no-data", message.HtmlBody);
        Assert.DoesNotContain(message.BodyParts.OfType<MimePart>(), p => p.ContentType.MediaType == "image");
    }

    private static decimal? Decimal(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();

    private static string LinkAfter(string text, string label) =>
        text.Split("\n").Single(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..];

    [GeneratedRegex("<img[^>]*\\ssrc=\"([^\"]*)\"")]
    private static partial Regex ImageSources();
}

/// <summary>Without mail settings the digest pages say what is missing, and the app runs on (decision 0012).</summary>
public sealed class DigestWithoutMailTests(AnalyticsAppFactory factory) : IClassFixture<AnalyticsAppFactory>
{
    [Fact]
    public async Task ThePageSaysWhichMailSettingsAreMissing()
    {
        using var client = await factory.SignedInClientAsync();

        var page = await client.GetStringAsync("/digest");

        Assert.Contains("data-mail-missing", page);
        Assert.Contains("Mail:Smtp:Host is not set", page);
        Assert.Contains("Mail:Smtp:From is not set", page);
        Assert.False(factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value.IsConfigured);
        Assert.Equal(0, await factory.Services.GetRequiredService<DigestScheduler>().RunDueAsync());
    }
}
