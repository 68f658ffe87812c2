using Dashboard.Core.Digests;
using Dashboard.Core.Display;
using Dashboard.Core.Drivers;
using MimeKit;

namespace Dashboard.Core.Alerts;

/// <summary>Everything one alert mail says: the firing, the links, the chart and the top drivers (null when not available).</summary>
public sealed record AlertMailRequest(
    AlertRule Rule, AlertHit Hit, MailboxAddress From, string? Currency, DisplayNumbers Numbers, DigestChart? Chart, DriverBreakdown? Drivers,
    string PageUrl, string RowsUrl, string SnoozeUrl, string UnsubscribeUrl, string MessageId);
