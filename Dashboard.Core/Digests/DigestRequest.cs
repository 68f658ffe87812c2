using Dashboard.Core.Weekly;
using MimeKit;

namespace Dashboard.Core.Digests;

/// <summary>What one digest is about and where its links go.</summary>
public sealed record DigestRequest(
    WeeklyReview Review,
    MailboxAddress From,
    MailboxAddress To,
    string PageUrl,
    string UnsubscribeUrl,
    string? MessageId = null,
    bool IsTest = false);
