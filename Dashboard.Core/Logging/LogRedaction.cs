using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Logging;

/// <summary>
/// Keeps secrets out of every log line, whatever the level and the provider (decision 0026-settings-options-at-start):
/// the value of a URL's <c>token=</c> (or <c>password=</c>, <c>key=</c>, …) query parameter and a connection string's
/// password are masked in a log entry's values and message. ASP.NET Core's request log ("Request starting GET
/// /mail/confirm?token=…") would otherwise write the links of our mails (confirmation, unsubscribe) whole.
/// </summary>
public static partial class LogRedaction
{
    /// <summary>Puts <see cref="RedactingLoggerFactory"/> over the logger factory: every logger the app creates redacts.</summary>
    public static IServiceCollection AddLogRedaction(this IServiceCollection services)
    {
        services.AddLogging();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(), sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(), sp.GetService<IExternalScopeProvider>()))));
        return services;
    }

    /// <summary>Whether <paramref name="text"/> holds something <see cref="Redact"/> masks (cheap when it does not).</summary>
    public static bool HasSecret(string text) => text.Contains('=') && Secret().IsMatch(text);

    public static string Redact(string text) => HasSecret(text) ? Secret().Replace(text, "${name}" + Settings.SecretMask.Mask) : text;

    /// <summary>
    /// A query parameter named for a secret (<c>?token=</c>, <c>&amp;password=</c>), or a connection string's
    /// <c>Password=</c>/<c>Pwd=</c>: the name and its <c>=</c>, then the value up to the next separator.
    /// </summary>
    [GeneratedRegex("""(?<name>[?&](?:token|access_token|refresh_token|password|pwd|secret|key|api_key|apikey)=|(?:^|[;\s'"])(?:password|pwd)\s*=\s*)[^&#;\s'"]+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Secret();
}
