namespace Dashboard.Core.Alerts;

/// <summary>A firing as the admin page and the API list it, with its rule's name, owner and address.</summary>
public sealed record AlertFiringView(AlertFiring Firing, string RuleName, string UserName, string Email);
