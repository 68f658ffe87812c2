namespace Dashboard.Core.Alerts;

/// <summary>A rule as the pages and the API list it: with its owner's name and whether its address is confirmed for the owner.</summary>
public sealed record AlertRuleView(AlertRule Rule, string UserName, bool Confirmed);
