using System.Globalization;
using Dashboard.Core.Display;
using Dashboard.Core.Weekly;
using MimeKit;

namespace Dashboard.Core.Digests;

/// <summary>What one digest is about (its week's revenue drivers by category, events and unusual days, when given), where its links go, and the culture that writes its numbers (invariant when none).</summary>
public sealed record DigestRequest(
    WeeklyReview Review,
    MailboxAddress From,
    MailboxAddress To,
    string PageUrl,
    string UnsubscribeUrl,
    string? MessageId = null,
    bool IsTest = false,
    CultureInfo? Culture = null,
    Drivers.DriverBreakdown? Drivers = null,
    IReadOnlyList<Events.TimelineEvent>? Events = null,
    IReadOnlyList<Forecasting.Anomaly>? Anomalies = null)
{
    public DisplayNumbers Numbers => new(Culture ?? CultureInfo.InvariantCulture);
}
