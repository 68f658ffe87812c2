namespace Dashboard.Core.Alerts;

/// <summary>What a link in an alert mail does without signing in.</summary>
public enum AlertLinkKind
{
    /// <summary>Snoozes the rule for a week.</summary>
    Snooze,
    /// <summary>Deletes the rule and withdraws the address's confirmation.</summary>
    Unsubscribe,
}
