using System.Data.Common;

namespace Dashboard.Core.Settings;

/// <summary>
/// What of a setting may be shown: a setting named for a password, secret, token or key shows as <see cref="Mask"/>, and
/// a connection string without its password.
/// </summary>
public static class SecretMask
{
    public const string Mask = "***";

    private static readonly string[] SecretWords = ["password", "secret", "token", "apikey"];
    private static readonly string[] PasswordKeys = ["password", "pwd", "user password"];

    /// <summary>Whether the setting at <paramref name="path"/> holds a secret, by the last part of its name.</summary>
    public static bool IsSecret(string path)
    {
        var name = path[(path.LastIndexOf(':') + 1)..];
        return SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase))
            || name.EndsWith("Key", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsConnectionString(string path) => path.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value as it may be shown: a secret masked (an empty one stays empty), a connection string's password masked.</summary>
    public static string? Shown(string path, string? value) => value switch
    {
        null or "" => value,
        _ when IsSecret(path) => Mask,
        _ when IsConnectionString(path) => WithoutPassword(value),
        _ => value,
    };

    /// <summary>The connection string with every password's value masked; wholly masked when it cannot be read.</summary>
    public static string WithoutPassword(string connectionString)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (var key in builder.Keys.Cast<string>().Where(k => PasswordKeys.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList())
            {
                builder[key] = Mask;
            }
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return Mask;
        }
    }
}
