using Dashboard.Core.Orders;
using Dashboard.Core.Weekly;
using Dashboard.Core.Digests;
using Dashboard.Core.Mail;

namespace Dashboard.Web.Components.Pages.Digests;

/// <summary>What the two digest pages share.</summary>
internal static class DigestPages
{
    /// <summary>A subscription's filters in words, "all orders" when it has none.</summary>
    public static string Filters(SubscriptionView view) => WeeklyReviewFormat.Describe(view.Filter) is { Length: > 0 } f ? f : "all orders";

    public static string When(DigestSubscription s) =>
        $"{s.Day}s at {s.Hour.ToString("00", System.Globalization.CultureInfo.InvariantCulture)}:00 ({s.TimeZone})";

    /// <summary>The end of a sentence about a saved subscription: whether its address is confirmed, or where its link is.</summary>
    public static string AddressState(AddressCheck check) =>
        check.Confirmed ? "."
        : check.LinkSent ? $". A confirmation link was sent to {check.Address}: nothing else goes there until it is followed."
        : check.Problem is { } problem ? $". It waits for {check.Address} to be confirmed, and the link could not be sent now: {problem}"
        : $". It waits for {check.Address} to be confirmed with the link sent to it earlier.";

    /// <summary>A new subscription: Monday 07:00 in the default time zone, no filters, in the reader's number format.</summary>
    public static SubscriptionInput NewInput(long userId, MailOptions mail) =>
        new(userId, "", DayOfWeek.Monday, 7, DefaultZone(mail), OrderFilter.None, Culture: System.Globalization.CultureInfo.CurrentCulture.Name);

    public static SubscriptionInput InputOf(DigestSubscription s) =>
        new(s.UserId, s.Email, s.Day, s.Hour, s.TimeZone, DigestDelivery.FilterOf(s), s.Id, s.Culture);

    private static string DefaultZone(MailOptions mail) =>
        mail.DefaultTimeZone is { Length: > 0 } configured ? configured // a known zone: checked at start (MailOptionsValidator)
        : DigestSchedule.FindZone(TimeZoneInfo.Local.Id) is not null ? TimeZoneInfo.Local.Id
        : "UTC";
}
