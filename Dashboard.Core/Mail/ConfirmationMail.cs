using System.Net;
using MimeKit;

namespace Dashboard.Core.Mail;

/// <summary>
/// The confirmation mail: who asked (the account's user name, which an admin chose), for what, and the link. Nothing in it
/// is text a user typed, apart from the address it goes to.
/// </summary>
public static class ConfirmationMail
{
    public const string Subject = "Confirm your address for the Dashboard's e-mail";

    public static MimeMessage Compose(MailboxAddress from, string address, string userName, string link, DateTimeOffset expires)
    {
        var expiry = expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var text = $"""
            The Dashboard account "{userName}" asked to send its e-mail (the weekly review) to {address}.
            Nothing is sent to this address until you confirm it.

            Confirm: {link}

            The link works until {expiry}. If you did not expect this, ignore this mail: you will get no other.
            """;
        static string Html(string value) => WebUtility.HtmlEncode(value);
        var body = new BodyBuilder
        {
            TextBody = text,
            HtmlBody = $"<!DOCTYPE html><html lang=\"en\"><body><p>The Dashboard account <b>{Html(userName)}</b> asked to send its e-mail (the weekly review) to {Html(address)}. " +
                       $"Nothing is sent to this address until you confirm it.</p><p><a href=\"{Html(link)}\">Confirm this address</a></p>" +
                       $"<p>The link works until {Html(expiry)}. If you did not expect this, ignore this mail: you will get no other.</p></body></html>",
        };
        var message = new MimeMessage { Subject = Subject, Body = body.ToMessageBody() };
        message.From.Add(from);
        message.To.Add(new MailboxAddress("", address));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }
}
