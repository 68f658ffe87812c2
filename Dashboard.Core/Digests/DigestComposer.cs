using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Dashboard.Core.Display;
using Dashboard.Core.Orders;
using Dashboard.Core.Weekly;
using MimeKit;

namespace Dashboard.Core.Digests;

/// <summary>
/// Writes the weekly review as an e-mail: an HTML part with the KPI table (against the week before and four weeks
/// earlier), the movers and the charts as inline PNGs (<c>cid:</c> parts of the message, nothing fetched from anywhere),
/// and a plain-text alternative. The numbers are written by <see cref="WeeklyReviewFormat"/>, as on the page.
/// No tracking pixel, no external image.
/// </summary>
public static class DigestComposer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>The reviewed week as text, e.g. <c>2022-06-20 – 2022-06-26</c>.</summary>
    public static string WeekText(DateRange week) =>
        $"{week.From.ToString("yyyy-MM-dd", Invariant)} – {week.To.ToString("yyyy-MM-dd", Invariant)}";

    public static string Subject(WeeklyReview review, bool isTest = false)
    {
        var filters = WeeklyReviewFormat.Describe(review.Filter);
        var week = review.Week is { } w ? WeekText(w.Week) : "no data";
        return $"{(isTest ? "[Test] " : "")}Weekly review {week}{(filters.Length > 0 ? $" ({filters})" : "")}";
    }

    /// <summary>True when the reviewed week has order lines under the filters; otherwise the digest says so and has no charts.</summary>
    public static bool HasData(WeeklyReview review) => review.Week is { Measures.Lines: > 0 };

    public static MimeMessage Compose(DigestRequest request, IReadOnlyList<DigestChart> charts)
    {
        var review = request.Review;
        var message = new MimeMessage();
        message.From.Add(request.From);
        message.To.Add(request.To);
        message.Subject = Subject(review, request.IsTest);
        if (request.MessageId is { } id)
        {
            message.MessageId = id; // the same for every attempt at one digest: a mail client shows a repeat once
        }
        message.Headers.Add("List-Unsubscribe", $"<{request.UnsubscribeUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder { TextBody = Text(request, charts) };
        foreach (var chart in charts)
        {
            var part = body.LinkedResources.Add(chart.ContentId + ".png", chart.Png, new ContentType("image", "png"));
            part.ContentId = chart.ContentId;
        }
        body.HtmlBody = HtmlBody(request, charts);
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Text(DigestRequest request, IReadOnlyList<DigestChart> charts)
    {
        var review = request.Review;
        var sb = new StringBuilder();
        sb.AppendLine(Subject(review, request.IsTest));
        sb.AppendLine();
        if (!HasData(review))
        {
            sb.AppendLine(NoDataText(review));
        }
        else
        {
            var numbers = request.Numbers;
            sb.AppendLine(Invariant, $"Amounts in {review.Currency}. Change against the week before and against the same week four weeks earlier.");
            sb.AppendLine();
            foreach (var kpi in review.Kpis)
            {
                var f = WeeklyReviewFormat.Format(kpi.Name);
                var c = review.Currency;
                sb.AppendLine(Invariant, $"{kpi.Name}: {WeeklyReviewFormat.Value(kpi.Value, f, numbers, c)}");
                sb.AppendLine(Invariant, $"    week before: {WeeklyReviewFormat.Value(kpi.PreviousWeek, f, numbers, c)}, change {WeeklyReviewFormat.Change(kpi.VsPreviousWeek, f, numbers, c)}");
                sb.AppendLine(Invariant, $"    4 weeks earlier: {WeeklyReviewFormat.Value(kpi.FourWeeksEarlier, f, numbers, c)}, change {WeeklyReviewFormat.Change(kpi.VsFourWeeksEarlier, f, numbers, c)}");
            }
            foreach (var line in Extras(request))
            {
                sb.AppendLine().AppendLine(line);
            }
            MoversText(sb, "Categories that moved most", review.CategoryMovers, numbers, review.Currency);
            MoversText(sb, "States that moved most", review.StateMovers, numbers, review.Currency);
            sb.AppendLine();
            sb.AppendLine(Invariant, $"The charts ({string.Join(", ", charts.Select(c => c.Title))}) are in the HTML version of this e-mail.");
        }
        sb.AppendLine();
        sb.AppendLine("Open the weekly review: " + request.PageUrl);
        sb.AppendLine("Unsubscribe: " + request.UnsubscribeUrl);
        return sb.ToString();
    }

    private static void MoversText(StringBuilder sb, string title, IReadOnlyList<Mover> movers, DisplayNumbers numbers, string? currency)
    {
        sb.AppendLine();
        sb.AppendLine(title + ":");
        if (movers.Count == 0)
        {
            sb.AppendLine("    none");
        }
        foreach (var m in movers)
        {
            sb.AppendLine(Invariant, $"    {m.Name}: {numbers.Amount(m.PreviousRevenue, currency)} -> {numbers.Amount(m.Revenue, currency)}, {WeeklyReviewFormat.MoverChange(m, numbers, currency)}; orders {numbers.Count(m.PreviousOrders)} -> {numbers.Count(m.Orders)}");
        }
    }

    /// <summary>The sentence of the week's top revenue drivers, the list of its events and of its unusual days, each when there is one.</summary>
    private static IEnumerable<string> Extras(DigestRequest request)
    {
        if (request.Drivers is { } b && Drivers.DriverSentence.Of(b, "Revenue", "the week before", request.Numbers) is { } sentence)
        {
            yield return sentence;
        }
        if (request.Events is { Count: > 0 } events)
        {
            yield return "Events this week: " + string.Join("; ", events.Select(e =>
                e.Label + " (" + e.Start.ToString("d MMM", Invariant) + (e.IsSingleDay ? "" : " – " + e.End.ToString("d MMM", Invariant)) + ")")) + ".";
        }
        if (request.Anomalies is { Count: > 0 } anomalies)
        {
            yield return "Unusual days: " + string.Join("; ", anomalies.Select(a => Forecasting.AnomalyText.Describe(a, request.Numbers))) + ".";
        }
    }

    /// <summary>Why there are no charts: the data ends before the week, or the filters match nothing in it.</summary>
    public static string NoDataText(WeeklyReview review)
    {
        var week = review.Week is { } w ? WeekText(w.Week) : "this week";
        if (review.LastCompleteWeek is not { } last)
        {
            return $"No data for the week {week}: the dashboard has no complete week of orders yet.";
        }
        return review.Week is { } wk && wk.Week.From > last
            ? $"No data for the week {week}: the data ends before it (its last complete week starts {last.ToString("yyyy-MM-dd", Invariant)}). Import a newer export to see this week."
            : $"No data for the week {week}: no order lines match these filters in that week.";
    }

    private static string HtmlBody(DigestRequest request, IReadOnlyList<DigestChart> charts)
    {
        var review = request.Review;
        var numbers = request.Numbers;
        const string cell = "padding:4px 8px;border-bottom:1px solid #e0e0e0;text-align:right;";
        const string head = "padding:4px 8px;border-bottom:2px solid #9e9e9e;text-align:right;";
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(Html.Encode(Subject(review, request.IsTest))).Append("</title></head>");
        sb.Append("<body style=\"font-family:Arial,Helvetica,sans-serif;color:#212121;max-width:680px;margin:0 auto;padding:16px;\">");
        sb.Append("<h1 style=\"font-size:20px;margin:0 0 4px;\">Weekly review</h1>");
        sb.Append("<p style=\"margin:0 0 12px;color:#616161;\">").Append(Html.Encode(review.Week is { } w ? WeekText(w.Week) : "no data"));
        var filters = WeeklyReviewFormat.Describe(review.Filter);
        sb.Append(filters.Length > 0 ? " · " + Html.Encode(filters) : " · all orders");
        if (review.Currency is { } currency)
        {
            sb.Append(" · amounts in ").Append(Html.Encode(currency));
        }
        sb.Append("</p>");

        if (!HasData(review))
        {
            sb.Append("<p data-no-data style=\"padding:12px;background:#fff3e0;border-left:4px solid #ef6c00;\">").Append(Html.Encode(NoDataText(review))).Append("</p>");
        }
        else
        {
            sb.Append("<table role=\"presentation\" style=\"border-collapse:collapse;width:100%;font-size:14px;\" data-kpis>");
            sb.Append("<tr><th style=\"").Append(head).Append("text-align:left;\"></th><th style=\"").Append(head).Append("\">This week</th><th style=\"")
                .Append(head).Append("\">Week before</th><th style=\"").Append(head).Append("\">Change</th><th style=\"").Append(head)
                .Append("\">4 weeks earlier</th><th style=\"").Append(head).Append("\">Change</th></tr>");
            foreach (var kpi in review.Kpis)
            {
                var f = WeeklyReviewFormat.Format(kpi.Name);
                string V(decimal? value) => Html.Encode(WeeklyReviewFormat.Value(value, f, numbers, review.Currency));
                sb.Append("<tr data-kpi=\"").Append(Html.Encode(kpi.Name)).Append("\"><td style=\"").Append(cell).Append("text-align:left;font-weight:bold;\">")
                    .Append(Html.Encode(kpi.Name)).Append("</td>");
                sb.Append("<td style=\"").Append(cell).Append("font-weight:bold;\">").Append(V(kpi.Value)).Append("</td>");
                sb.Append("<td style=\"").Append(cell).Append("\">").Append(V(kpi.PreviousWeek)).Append("</td>");
                AppendChange(sb, cell, kpi.VsPreviousWeek, kpi.Name, Html.Encode(WeeklyReviewFormat.Change(kpi.VsPreviousWeek, f, numbers, review.Currency)));
                sb.Append("<td style=\"").Append(cell).Append("\">").Append(V(kpi.FourWeeksEarlier)).Append("</td>");
                AppendChange(sb, cell, kpi.VsFourWeeksEarlier, kpi.Name, Html.Encode(WeeklyReviewFormat.Change(kpi.VsFourWeeksEarlier, f, numbers, review.Currency)));
                sb.Append("</tr>");
            }
            sb.Append("</table>");

            foreach (var line in Extras(request))
            {
                sb.Append("<p style=\"margin:12px 0 0;\" data-digest-extra>").Append(Html.Encode(line)).Append("</p>");
            }
            MoversHtml(sb, "Categories that moved most", review.CategoryMovers, cell, head, numbers, review.Currency);
            MoversHtml(sb, "States that moved most", review.StateMovers, cell, head, numbers, review.Currency);
            foreach (var chart in charts)
            {
                sb.Append("<h2 style=\"font-size:16px;margin:20px 0 6px;\">").Append(Html.Encode(chart.Title)).Append("</h2>");
                sb.Append("<img src=\"cid:").Append(chart.ContentId).Append("\" width=\"").Append(chart.Width.ToString(Invariant)).Append("\" height=\"")
                    .Append(chart.Height.ToString(Invariant)).Append("\" alt=\"").Append(Html.Encode(chart.Title))
                    .Append("\" style=\"display:block;max-width:100%;height:auto;border:0;\">");
            }
        }
        sb.Append("<p style=\"margin:24px 0 8px;\"><a href=\"").Append(Html.Encode(request.PageUrl))
            .Append("\" style=\"color:#1976d2;\" data-link=\"page\">Open this weekly review in the dashboard</a></p>");
        sb.Append("<p style=\"font-size:12px;color:#757575;\">You receive this because you subscribed to the weekly review. <a href=\"")
            .Append(Html.Encode(request.UnsubscribeUrl)).Append("\" style=\"color:#757575;\" data-link=\"unsubscribe\">Unsubscribe</a></p>");
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static void AppendChange(StringBuilder sb, string cell, KpiValue value, string name, string encodedText)
    {
        var colour = WeeklyReviewFormat.Direction(value, name) switch { "up" => "#2e7d32", "down" => "#c62828", _ => "#616161" };
        sb.Append("<td style=\"").Append(cell).Append("color:").Append(colour).Append(";\">").Append(encodedText).Append("</td>");
    }

    private static void MoversHtml(StringBuilder sb, string title, IReadOnlyList<Mover> movers, string cell, string head, DisplayNumbers numbers, string? currency)
    {
        sb.Append("<h2 style=\"font-size:16px;margin:20px 0 6px;\">").Append(Html.Encode(title)).Append("</h2>");
        if (movers.Count == 0)
        {
            sb.Append("<p>None.</p>");
            return;
        }
        sb.Append("<table role=\"presentation\" style=\"border-collapse:collapse;width:100%;font-size:14px;\"><tr><th style=\"").Append(head)
            .Append("text-align:left;\"></th><th style=\"").Append(head).Append("\">Week before</th><th style=\"").Append(head).Append("\">This week</th><th style=\"")
            .Append(head).Append("\">Change</th><th style=\"").Append(head).Append("\">Orders</th></tr>");
        foreach (var m in movers)
        {
            var colour = m.RevenueChange >= 0 ? "#2e7d32" : "#c62828";
            sb.Append("<tr><td style=\"").Append(cell).Append("text-align:left;\">").Append(Html.Encode(m.Name)).Append("</td>");
            sb.Append("<td style=\"").Append(cell).Append("\">").Append(Html.Encode(numbers.Amount(m.PreviousRevenue, currency))).Append("</td>");
            sb.Append("<td style=\"").Append(cell).Append("\">").Append(Html.Encode(numbers.Amount(m.Revenue, currency))).Append("</td>");
            sb.Append("<td style=\"").Append(cell).Append("color:").Append(colour).Append(";\">").Append(Html.Encode(WeeklyReviewFormat.MoverChange(m, numbers, currency))).Append("</td>");
            sb.Append("<td style=\"").Append(cell).Append("\">").Append(Html.Encode(numbers.Count(m.PreviousOrders))).Append(" → ").Append(Html.Encode(numbers.Count(m.Orders))).Append("</td></tr>");
        }
        sb.Append("</table>");
    }
}
