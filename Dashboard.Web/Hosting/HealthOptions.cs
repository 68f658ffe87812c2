namespace Dashboard.Web.Hosting;

/// <summary>The <c>Health</c> section: how a stopping instance drains (decision 0028-health-and-drain).</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>The most accepted for <see cref="DrainSeconds"/>: a stop must stay well within systemd's TimeoutStopSec.</summary>
    public const int MaxDrainSeconds = 120;

    /// <summary>
    /// Seconds a stopping instance answers 503 on <c>/health/ready</c> and to new requests (the proxy sends them to another
    /// instance) while the requests under way finish, before a running import is cancelled and the circuits close. Default 5.
    /// </summary>
    public int DrainSeconds { get; set; } = 5;
}
