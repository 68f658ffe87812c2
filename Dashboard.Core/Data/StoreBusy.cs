namespace Dashboard.Core.Data;

/// <summary>
/// A short write that found the store held by a long one (an import holds SQLite's one write lock while it commits) for
/// longer than the connection's busy timeout (<c>Default Timeout</c>, 30 s). Such a write is refused with this message,
/// which the pages show as they show any refused change, instead of failing with a server error (decision 0011).
/// </summary>
public static class StoreBusy
{
    public const string Message =
        "The store is busy with an import and could not take this change in time; nothing was changed. Try again when the import has finished (the Imports page shows it).";

    /// <summary>True when <paramref name="e"/> or an exception inside it is SQLite's "database is busy/locked" or PostgreSQL's lock timeout.</summary>
    public static bool Is(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (DashboardStore.IsBusy(inner))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Runs a write; a busy store becomes the caller's own "refused" exception carrying <see cref="Message"/>.</summary>
    public static async Task WriteAsync(Func<Task> write, Func<string, Exception> refused)
    {
        try
        {
            await write();
        }
        catch (Exception e) when (Is(e))
        {
            Telemetry.DashboardTelemetry.StoreBusyRefusals.Add(1, new KeyValuePair<string, object?>("where", "change"));
            throw refused(Message);
        }
    }
}
