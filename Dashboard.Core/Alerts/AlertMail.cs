using System.Text;
using System.Text.Encodings.Web;
using MimeKit;

namespace Dashboard.Core.Alerts;

/// <summary>
/// Writes an alert as an e-mail: the number, the condition and the expected range when there is one, the last 8 weeks as an
/// inline PNG (a <c>cid:</c> part, nothing fetched) with the period marked, the top 3 drivers, links to the overview and to the
/// rows of that period under the rule's filter, and the one-click snooze and unsubscribe links; with a plain-text alternative.
/// </summary>
public static class AlertMail
{
    public const int Drivers = 3;
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Subject(AlertMailRequest r) =>
        $"Alert: {r.Rule.Name} – {Value(r)} on {AlertText.Period(r.Rule.Grain, r.Hit.Start, r.Hit.End)}";

    private static string Value(AlertMailRequest r) => AlertText.Value(r.Rule.Metric, r.Hit.Value, r.Numbers, r.Currency);

    /// <summary>The lines of the message, the same in both parts: what happened and why it fired.</summary>
    public static IReadOnlyList<string> Lines(AlertMailRequest r)
    {
        var rule = r.Rule;
        var hit = r.Hit;
        string V(decimal? v) => AlertText.Value(rule.Metric, v, r.Numbers, r.Currency);
        var lines = new List<string>
        {
            rule.Condition == AlertCondition.NoNewData
                ? $"The last import finished on {AlertText.Period(rule.Grain, hit.Start, hit.Start)}, {r.Numbers.Count((long)(hit.Value ?? 0))} days ago."
                : $"{char.ToUpperInvariant(AlertText.MetricName(rule.Metric)[0])}{AlertText.MetricName(rule.Metric)[1..]} on {AlertText.Period(rule.Grain, hit.Start, hit.End)}: {V(hit.Value)}.",
            "Condition: " + AlertText.Condition(rule, v => rule.Condition == AlertCondition.Change || rule.Condition == AlertCondition.NoNewData
                ? r.Numbers.Number((double)v, v % 1 == 0 ? 0 : 1) : AlertText.Value(rule.Metric, v, r.Numbers, r.Currency).TrimEnd('%')) + ".",
        };
        if (rule.Condition == AlertCondition.Change)
        {
            lines.Add($"{(rule.Grain == Orders.TimeGrain.Week ? "The week before" : "The same weekday a week before")}: {V(hit.Compared)}.");
        }
        if (hit.Low is { } low && hit.High is { } high)
        {
            lines.Add($"Expected range: {V(low)} – {V(high)} (expected {V(hit.Compared)}).");
        }
        lines.Add("Filter: " + (rule.Filter.Length > 0 ? Uri.UnescapeDataString(rule.Filter.Replace("&", ", ", StringComparison.Ordinal)) : "all orders") + ".");
        return lines;
    }

    /// <summary>The top drivers in words ("Set: +120"), largest first; empty when there is no breakdown.</summary>
    public static IReadOnlyList<string> DriverLines(AlertMailRequest r) =>
        r.Drivers is { Unavailable: null } d
            ? [.. d.Parts.Take(Drivers).Select(p => $"{(p.Value.Length > 0 ? p.Value : "(none)")}: {(p.Contribution >= 0 ? "+" : "−")}{AlertText.Value(r.Rule.Metric, Math.Abs(InMetric(r, p.Contribution)), r.Numbers, r.Currency)}")]
            : [];

    /// <summary>A driver's contribution in the rule's units: the breakdown keeps the cancellation rate as a fraction, the rule in percent.</summary>
    private static decimal InMetric(AlertMailRequest r, decimal contribution) =>
        r.Rule.Metric == AlertMetric.CancellationRate ? contribution * 100 : contribution;

    private static string DriversTitle(AlertMailRequest r) =>
        $"What drove the change from {AlertText.Period(r.Rule.Grain, r.Drivers!.BasePeriod.From, r.Drivers.BasePeriod.To)} (by {r.Drivers.By.ToString().ToLowerInvariant()})";

    public static MimeMessage Compose(AlertMailRequest r)
    {
        var message = new MimeMessage();
        message.From.Add(r.From);
        message.To.Add(new MailboxAddress("", r.Rule.Email));
        message.Subject = Subject(r);
        message.MessageId = r.MessageId; // the same for every attempt at one firing
        message.Headers.Add("List-Unsubscribe", $"<{r.UnsubscribeUrl}>");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder { TextBody = Text(r) };
        if (r.Chart is { } chart)
        {
            var part = body.LinkedResources.Add(chart.ContentId + ".png", chart.Png, new ContentType("image", "png"));
            part.ContentId = chart.ContentId;
        }
        body.HtmlBody = HtmlBody(r);
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Text(AlertMailRequest r)
    {
        var sb = new StringBuilder();
        sb.Append(Subject(r)).Append("\n\n");
        foreach (var line in Lines(r))
        {
            sb.Append(line).Append('\n');
        }
        if (DriverLines(r) is { Count: > 0 } drivers)
        {
            sb.Append('\n').Append(DriversTitle(r)).Append(":\n");
            foreach (var d in drivers)
            {
                sb.Append("- ").Append(d).Append('\n');
            }
        }
        sb.Append("\nOpen in the dashboard: ").Append(r.PageUrl).Append('\n');
        sb.Append("The rows behind it: ").Append(r.RowsUrl).Append('\n');
        sb.Append("\nSnooze this alert for a week: ").Append(r.SnoozeUrl).Append('\n');
        sb.Append("Stop this alert: ").Append(r.UnsubscribeUrl).Append('\n');
        return sb.ToString();
    }

    private static string HtmlBody(AlertMailRequest r)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(Html.Encode(Subject(r))).Append("</title></head>");
        sb.Append("<body style=\"font-family:Arial,Helvetica,sans-serif;color:#212121;max-width:680px;margin:0 auto;padding:16px;\">");
        sb.Append("<h1 style=\"font-size:20px;margin:0 0 8px;\">").Append(Html.Encode(r.Rule.Name)).Append("</h1>");
        foreach (var line in Lines(r))
        {
            sb.Append("<p style=\"margin:4px 0;\" data-alert-line>").Append(Html.Encode(line)).Append("</p>");
        }
        if (r.Chart is { } chart)
        {
            sb.Append("<img src=\"cid:").Append(chart.ContentId).Append("\" width=\"").Append(chart.Width).Append("\" height=\"").Append(chart.Height)
                .Append("\" alt=\"").Append(Html.Encode(chart.Title + ", the period of this alert marked")).Append("\" style=\"display:block;max-width:100%;height:auto;border:0;margin:12px 0;\">");
        }
        if (DriverLines(r) is { Count: > 0 } drivers)
        {
            sb.Append("<h2 style=\"font-size:16px;margin:16px 0 6px;\">").Append(Html.Encode(DriversTitle(r))).Append("</h2><ul data-drivers>");
            foreach (var d in drivers)
            {
                sb.Append("<li>").Append(Html.Encode(d)).Append("</li>");
            }
            sb.Append("</ul>");
        }
        Link(sb, r.PageUrl, "page", "Open this period in the dashboard");
        Link(sb, r.RowsUrl, "rows", "See the order lines behind it");
        sb.Append("<p style=\"font-size:12px;color:#757575;margin-top:24px;\">You receive this because of your alert rule. ");
        sb.Append("<a href=\"").Append(Html.Encode(r.SnoozeUrl)).Append("\" style=\"color:#757575;\" data-link=\"snooze\">Snooze it for a week</a> · ");
        sb.Append("<a href=\"").Append(Html.Encode(r.UnsubscribeUrl)).Append("\" style=\"color:#757575;\" data-link=\"unsubscribe\">Stop this alert</a></p>");
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static void Link(StringBuilder sb, string url, string kind, string text) =>
        sb.Append("<p style=\"margin:12px 0 0;\"><a href=\"").Append(Html.Encode(url)).Append("\" style=\"color:#1976d2;\" data-link=\"").Append(kind).Append("\">")
            .Append(Html.Encode(text)).Append("</a></p>");
}
