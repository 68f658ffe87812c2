namespace Dashboard.Core.Digests;

/// <summary>A sent (or failing) digest as the admin page lists it.</summary>
public sealed record DigestSendView(DigestSend Send, string UserName, string Email);
