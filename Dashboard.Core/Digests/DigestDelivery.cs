using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Display;
using Dashboard.Core.Mail;
using Dashboard.Core.Orders;
using Dashboard.Core.Telemetry;
using Dashboard.Core.Weekly;
using Microsoft.Extensions.Logging;
using MimeKit;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Digests;

/// <summary>
/// Builds one subscription's digest from <see cref="WeeklyReviewQuery"/> (the page's own query) and sends it. Used by the
/// scheduler, by "Send me a test now" and by the <c>send-digest</c> verb, always through <see cref="MailGuard"/>.
/// </summary>
public sealed class DigestDelivery(
    WeeklyReviewQuery query, Drivers.DriversQuery drivers, Events.TimelineEvents events, Forecasting.OrdersForecastQuery forecasts, DigestLinks links, UnsubscribeTokens tokens, MailGuard guard, IOptions<MailOptions> mailSettings,
    DisplayCulture display, ILogger<DigestDelivery> logger)
{
    private readonly MailOptions _options = mailSettings.Value;

    /// <summary>The message for <paramref name="subscription"/> and the week starting <paramref name="week"/> (null: the data's last complete week).</summary>
    public async Task<MimeMessage> BuildAsync(DigestSubscription subscription, DateOnly? week, bool isTest = false, CancellationToken cancellationToken = default)
    {
        var filter = FilterOf(subscription);
        var review = await query.GetAsync(week, filter, cancellationToken);
        var start = review.Week?.Week.From ?? week ?? query.WeekOf(DateOnly.FromDateTime(DateTime.UtcNow));
        // The subscriber's own number format, else the display culture's default.
        var culture = DisplayCultures.Find(subscription.Culture) ?? await display.DefaultAsync();
        var stopwatch = Stopwatch.StartNew();
        var charts = DigestComposer.HasData(review) ? DigestCharts.Render(review, new DisplayNumbers(culture)) : [];
        logger.LogInformation("Digest charts for subscription {Id}, week {Week}: {Count} in {Ms:F1} ms",
            subscription.Id, start, charts.Count, stopwatch.Elapsed.TotalMilliseconds);
        var from = MailboxAddress.Parse(_options.From ?? "dashboard@localhost");
        var request = new DigestRequest(
            review, from, new MailboxAddress("", subscription.Email),
            links.Page(start, review.Filter), links.Unsubscribe(tokens.Create(subscription.Id)),
            isTest ? null : $"digest-{subscription.Id.ToString(CultureInfo.InvariantCulture)}-{start.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}@{from.Domain}",
            isTest, culture,
            review.Week is { } w ? await drivers.WeeklyAsync(w.Week.From, Drivers.DriverKpi.Revenue, Drivers.DriverDimension.Category, filter, cancellationToken) : null,
            review.Week is { } shown ? await events.ForChartAsync(filter, shown.Week.From, shown.Week.To, cancellationToken) : null,
            review.Week is { } judged
                ? await forecasts.DaysAsync(filter, judged.Week.From, judged.Week.To, await events.ExcludedDaysAsync(filter, cancellationToken), cancellationToken)
                : null);
        return DigestComposer.Compose(request, charts);
    }

    /// <summary>
    /// Builds and sends through <see cref="MailGuard"/>: only to a confirmed address, a test within the hourly limits.
    /// Throws <see cref="MailRefusedException"/> when it may not go, and what the server throws when it refuses.
    /// </summary>
    public async Task<MimeMessage> SendAsync(DigestSubscription subscription, DateOnly? week, bool isTest = false, CancellationToken cancellationToken = default)
    {
        using var span = DashboardTelemetry.Source.StartActivity(DashboardTelemetry.Spans.DigestSend);
        var outcome = "failed";
        try
        {
            var sent = await guard.SendAsync(new MailIntent(subscription.UserId, subscription.Email, isTest ? MailKind.Test : MailKind.Scheduled),
                c => BuildAsync(subscription, week, isTest, c), cancellationToken);
            outcome = "sent";
            return sent;
        }
        catch (MailRefusedException)
        {
            outcome = "refused";
            throw;
        }
        finally
        {
            DashboardTelemetry.DigestSends.Add(1, new("kind", isTest ? "test" : "scheduled"), new("outcome", outcome));
            span?.SetTag("dashboard.digest.outcome", outcome);
        }
    }

    private static IEnumerable<KeyValuePair<string, string?>> QueryPairs(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var i = pair.IndexOf('=', StringComparison.Ordinal);
            return i < 0
                ? new KeyValuePair<string, string?>(Uri.UnescapeDataString(pair), "")
                : new KeyValuePair<string, string?>(Uri.UnescapeDataString(pair[..i]), Uri.UnescapeDataString(pair[(i + 1)..]));
        });

    /// <summary>The filter a subscription stores, as the weekly page would read it from its URL.</summary>
    public static OrderFilter FilterOf(DigestSubscription subscription) => OrderFilter.Parse(QueryPairs(subscription.Filter));
}
