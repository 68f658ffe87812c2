using System.Globalization;
using Dashboard.Core.Digests;
using Dashboard.Core.Display;
using Dashboard.Core.Drivers;
using Dashboard.Core.Mail;
using Dashboard.Core.Orders;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dashboard.Core.Alerts;

/// <summary>Builds a firing's mail (<see cref="AlertMail"/>) and sends it through <see cref="MailGuard"/>: only to a confirmed address of the rule's owner, within the limits.</summary>
public sealed class AlertDelivery(
    AlertEvaluator evaluator, OrdersFrameCache frames, DigestLinks links, AlertTokens tokens, MailGuard guard, IOptions<MailOptions> mailSettings, DisplayCulture display)
{
    private readonly MailOptions _options = mailSettings.Value;

    public async Task<MimeMessage> BuildAsync(AlertRule rule, AlertFiring firing, CancellationToken cancellationToken = default)
    {
        var step = rule.Condition == AlertCondition.NoNewData || rule.Grain == TimeGrain.Day ? 1 : 7;
        var hit = new AlertHit(rule, firing.Period, firing.Period.AddDays(step - 1), firing.Value, firing.Compared, firing.Low, firing.High);
        var filter = AlertRuleReader.StoredFilter(rule);
        var data = await frames.GetAsync(cancellationToken);
        var currency = filter.Currency ?? data.MainCurrency;
        var numbers = new DisplayNumbers(await display.DefaultAsync());
        DigestChart? chart = null;
        DriverBreakdown? drivers = null;
        if (rule.Condition != AlertCondition.NoNewData)
        {
            var series = await evaluator.SeriesAsync(filter, rule.Metric, rule.Grain, new DateRange(hit.End.AddDays(-AlertEvaluator.PreviewDays + 1), hit.End), cancellationToken);
            chart = series.Starts.Count > 0 ? AlertChart.Render(rule, series, hit.Start, numbers, currency) : null;
            drivers = await DriversAsync(rule, filter, hit, cancellationToken);
        }
        var from = MailboxAddress.Parse(_options.From ?? "dashboard@localhost");
        var dated = (filter with { From = hit.Start, To = hit.End }).ToQueryString();
        var request = new AlertMailRequest(rule, hit, from, currency, numbers, chart, drivers,
            links.BaseUrl + "orders?" + dated, links.BaseUrl + "orders/rows?" + dated,
            links.BaseUrl + "alerts/snooze?token=" + Uri.EscapeDataString(tokens.Create(rule.Id, AlertLinkKind.Snooze)),
            links.BaseUrl + "alerts/unsubscribe?token=" + Uri.EscapeDataString(tokens.Create(rule.Id, AlertLinkKind.Unsubscribe)),
            $"alert-{rule.Id.ToString(CultureInfo.InvariantCulture)}-{firing.Period.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}@{from.Domain}");
        return AlertMail.Compose(request);
    }

    /// <summary>Sends through <see cref="MailGuard"/>; throws <see cref="MailRefusedException"/> when it may not go, and what the server throws when it refuses.</summary>
    public Task<MimeMessage> SendAsync(AlertRule rule, AlertFiring firing, CancellationToken cancellationToken = default) =>
        guard.SendAsync(new MailIntent(rule.UserId, rule.Email, MailKind.Alert), c => BuildAsync(rule, firing, c), cancellationToken);

    /// <summary>
    /// What drove the period against the one before (the same weekday of the week before, or the week before), by category, or by
    /// state when the rule watches one category; the breakdown's own KPI for the rule's metric.
    /// </summary>
    private Task<DriverBreakdown> DriversAsync(AlertRule rule, OrderFilter filter, AlertHit hit, CancellationToken cancellationToken)
    {
        var kpi = rule.Metric switch
        {
            AlertMetric.Units => DriverKpi.Units,
            AlertMetric.Revenue => DriverKpi.Revenue,
            AlertMetric.AverageOrderValue => DriverKpi.AverageOrderValue,
            AlertMetric.CancellationRate => DriverKpi.CancellationRate,
            _ => DriverKpi.Orders,
        };
        var by = filter.Categories.Count == 1 ? DriverDimension.State : DriverDimension.Category;
        var period = new DateRange(hit.Start, hit.End);
        var before = new DateRange(hit.Start.AddDays(-7), hit.End.AddDays(-7));
        return frames.ReadAsync(s => Task.FromResult<DriverBreakdown?>(DriversQuery.Compute(s, filter, kpi, by, before, period)), cancellationToken);
    }
}
