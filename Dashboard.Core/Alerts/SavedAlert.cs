using Dashboard.Core.Mail;

namespace Dashboard.Core.Alerts;

/// <summary>A saved rule and where its address stands (confirmed, or a confirmation link just sent, or why not).</summary>
public sealed record SavedAlert(AlertRule Rule, AddressCheck Address);
