using Dashboard.Core.Mail;

namespace Dashboard.Core.Digests;

/// <summary>A saved subscription, and where its address stands: confirmed, or a link sent (or why not).</summary>
public sealed record SavedSubscription(DigestSubscription Subscription, AddressCheck Address);
