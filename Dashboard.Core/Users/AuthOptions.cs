using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Core.Users;

/// <summary>The <c>Auth</c> section of the settings.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Wrong passwords in a row before an account is locked (<c>Auth:Lockout:MaxFailedAttempts</c>, default 5).</summary>
    [ConfigurationKeyName("Lockout:MaxFailedAttempts")]
    [Range(1, int.MaxValue, ErrorMessage = SettingRules.Positive)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long, in minutes, a locked account stays locked (<c>Auth:Lockout:Minutes</c>, default 15).</summary>
    [ConfigurationKeyName("Lockout:Minutes")]
    [Range(1, int.MaxValue, ErrorMessage = SettingRules.Positive)]
    public int LockoutMinutes { get; set; } = 15;

    public TimeSpan LockoutDuration => TimeSpan.FromMinutes(LockoutMinutes);

    /// <summary>The shortest password accepted (<c>Auth:MinPasswordLength</c>, default 8).</summary>
    [Range(1, int.MaxValue, ErrorMessage = SettingRules.Positive)]
    public int MinPasswordLength { get; set; } = 8;

    /// <summary>
    /// Sign-in (and change-password) attempts one address may post per minute before it gets 429
    /// (<c>Auth:SignInAttemptsPerMinute</c>, default 10). Lockout protects one account; this protects the store and the
    /// audit log from a flood of attempts at many names.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = SettingRules.Positive)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// The first admin, created at start when no user exists (<c>Auth:Admin:UserName</c> and <c>Auth:Admin:Password</c>,
    /// or <c>Auth__Admin__UserName</c>/<c>Auth__Admin__Password</c> in the environment). Without them the app offers a
    /// one-time setup page instead.
    /// </summary>
    [ConfigurationKeyName("Admin:UserName")]
    public string? AdminUserName { get; set; }

    [ConfigurationKeyName("Admin:Password")]
    public string? AdminPassword { get; set; }
}
