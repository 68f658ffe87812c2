namespace Dashboard.Core.Alerts;

/// <summary>What a check found (<paramref name="Hits"/>), how many of those were new firings (0 in a dry run) and how many mails went out.</summary>
public sealed record AlertCheckResult(IReadOnlyList<AlertHit> Hits, int Fired, int Sent);
