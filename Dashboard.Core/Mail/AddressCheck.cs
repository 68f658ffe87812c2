namespace Dashboard.Core.Mail;

/// <summary>Where an address stands after <see cref="ConfirmedAddresses.RequestAsync"/>: confirmed, or whether a link went out and why not.</summary>
public sealed record AddressCheck(string Address, bool Confirmed, bool LinkSent, string? Problem = null);
