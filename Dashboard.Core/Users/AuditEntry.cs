namespace Dashboard.Core.Users;

/// <summary>One line of the audit log: who did what, when, and from where.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The signed-in user, the name that was typed at a failed sign-in, or null for the system itself.</summary>
    public string? UserName { get; set; }
    public required string Action { get; set; }
    public string? Detail { get; set; }
    public string? Address { get; set; }
}
