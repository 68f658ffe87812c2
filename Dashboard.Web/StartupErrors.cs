using System.Data.Common;
using Dashboard.Core.Data;
using Dashboard.Core.Settings;
using Microsoft.AspNetCore.Connections;

namespace Dashboard.Web;

/// <summary>
/// What an operator is told when the app or a verb cannot start: wrong settings (each problem a sentence naming its
/// setting, as the options' validation gives it), a store it cannot reach or open, or an address another process holds,
/// in one sentence on stderr (and exit code 1), instead of an unhandled exception's stack trace.
/// </summary>
public static class StartupErrors
{
    /// <summary>The sentence for a start-up failure we can explain; null for anything else (a bug: let it surface whole).</summary>
    public static string? Describe(Exception e) => DashboardStore.DescribeFailure(e) ?? e switch
    {
        _ when SettingsException.Of(e) is { } problems => string.Join(" ", problems),
        DbException d => $"The store could not be used: {d.Message}.",
        IOException { InnerException: AddressInUseException } =>
            $"{e.Message} Another process listens there: stop it, or give this one another address (--urls or ASPNETCORE_URLS).",
        InvalidOperationException or FormatException when e.StackTrace?.Contains("Dashboard.", StringComparison.Ordinal) == true
            => e.Message,
        _ => null,
    };

    /// <summary>Runs <paramref name="start"/>; an explained failure is printed as one line and ends with exit code 1.</summary>
    public static async Task<int> GuardAsync(Func<Task<int>> start)
    {
        try
        {
            return await start();
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            await Console.Error.WriteLineAsync($"Dashboard could not start: {message}");
            return 1;
        }
    }
}
