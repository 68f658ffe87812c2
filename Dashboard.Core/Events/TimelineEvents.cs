using Dashboard.Core.Data;
using Dashboard.Core.Orders;
using Dashboard.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Events;

/// <summary>
/// Events on the timeline (docs/decisions/0033-timeline-events.md): everyone signed in reads them, analysts and admins add
/// and delete them, each change audited. An event's scope is its category and state (none: everything); it covers a
/// filter (<see cref="Covers"/>) when the filter's lines can include lines of that scope.
/// </summary>
public sealed class TimelineEvents(IDbContextFactory<DashboardDbContext> contexts, AuditLog audit, TimeProvider clock)
{
    public const int MaxLabel = 100;
    public const int MaxDays = 366;

    /// <summary>The events that overlap <paramref name="from"/>–<paramref name="to"/> (either open), by start, then id.</summary>
    public async Task<IReadOnlyList<TimelineEvent>> ListAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.TimelineEvents.AsNoTracking();
        if (from is { } f)
        {
            query = query.Where(e => e.End >= f);
        }
        if (to is { } t)
        {
            query = query.Where(e => e.Start <= t);
        }
        return await query.OrderBy(e => e.Start).ThenBy(e => e.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The events of the days <paramref name="from"/>–<paramref name="to"/> whose scope covers <paramref name="filter"/>: what a chart of that filter draws.</summary>
    public async Task<IReadOnlyList<TimelineEvent>> ForChartAsync(OrderFilter filter, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        (await ListAsync(from, to, cancellationToken)).Where(e => Covers(e, filter)).ToList();

    /// <summary>
    /// The days to leave out of a model's fit and of anomaly detection for <paramref name="filter"/>: every day of each event
    /// marked <see cref="TimelineEvent.ExcludeFromModels"/> whose scope covers the filter.
    /// </summary>
    public async Task<IReadOnlySet<DateOnly>> ExcludedDaysAsync(OrderFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var marked = await db.TimelineEvents.AsNoTracking().Where(e => e.ExcludeFromModels).ToListAsync(cancellationToken);
        return ExcludedDays(marked, filter);
    }

    internal static IReadOnlySet<DateOnly> ExcludedDays(IEnumerable<TimelineEvent> events, OrderFilter filter)
    {
        var days = new HashSet<DateOnly>();
        foreach (var e in events.Where(e => e.ExcludeFromModels && Covers(e, filter)))
        {
            for (var d = e.Start; d <= e.End; d = d.AddDays(1))
            {
                days.Add(d);
            }
        }
        return days;
    }

    /// <summary>
    /// Whether an event's scope covers a filter: an event for one category covers the filters that include that category
    /// (no category filter, or one that names it), and likewise for a state; an event for neither covers every filter. So
    /// "kurta out of stock" moves the all-categories series and the kurta series, not a series of Set alone.
    /// </summary>
    public static bool Covers(TimelineEvent e, OrderFilter filter) =>
        Includes(filter.Categories, e.Category) && Includes(filter.States, e.State);

    private static bool Includes(IReadOnlyList<string> chosen, string? value) =>
        string.IsNullOrEmpty(value) || chosen.Count == 0 || chosen.Contains(value, StringComparer.OrdinalIgnoreCase);

    public async Task<TimelineEvent> AddAsync(UserAccount actor, EventInput input, string? address, CancellationToken cancellationToken = default)
    {
        if (!actor.Can(Role.Analyst))
        {
            throw new UnauthorizedAccessException("Adding an event needs the Analyst role.");
        }
        var e = Validate(input);
        e.CreatedBy = actor.UserName;
        e.CreatedAt = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.TimelineEvents.Add(e);
        await StoreBusy.WriteAsync(() => db.SaveChangesAsync(cancellationToken), reason => new EventRefusedException("store", reason));
        await audit.RecordAsync(actor.UserName, AuditLog.Actions.EventAdded, Describe(e), address, cancellationToken);
        return e;
    }

    /// <summary>Deletes an event; false when there is none with that id.</summary>
    public async Task<bool> DeleteAsync(UserAccount actor, long id, string? address, CancellationToken cancellationToken = default)
    {
        if (!actor.Can(Role.Analyst))
        {
            throw new UnauthorizedAccessException("Deleting an event needs the Analyst role.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.TimelineEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } e)
        {
            return false;
        }
        var deleted = 0;
        await StoreBusy.WriteAsync(async () => deleted = await db.TimelineEvents.Where(x => x.Id == id).ExecuteDeleteAsync(cancellationToken),
            reason => new EventRefusedException("store", reason));
        if (deleted > 0)
        {
            await audit.RecordAsync(actor.UserName, AuditLog.Actions.EventDeleted, Describe(e), address, cancellationToken);
        }
        return deleted > 0;
    }

    private static TimelineEvent Validate(EventInput input)
    {
        var label = input.Label?.Trim();
        if (string.IsNullOrEmpty(label))
        {
            throw new EventRefusedException("label", "is required.");
        }
        if (label.Length > MaxLabel || TextLimits.Shorten(label, MaxLabel) != label)
        {
            throw new EventRefusedException("label", $"is longer than {MaxLabel} characters or holds text the store cannot keep.");
        }
        if (input.Start is not { } start)
        {
            throw new EventRefusedException("start", "is required (yyyy-MM-dd).");
        }
        var end = input.End ?? start;
        foreach (var (key, date) in new[] { ("start", start), ("end", end) })
        {
            if (OrderFilter.OutOfRange(key, date) is { } problem)
            {
                throw new EventRefusedException(key, problem);
            }
        }
        if (end < start)
        {
            throw new EventRefusedException("end", "is before the start.");
        }
        if (end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            throw new EventRefusedException("end", $"makes the event longer than {MaxDays} days.");
        }
        return new TimelineEvent
        {
            Label = label, Start = start, End = end, Category = Scope("category", input.Category), State = Scope("state", input.State),
            ExcludeFromModels = input.ExcludeFromModels, CreatedBy = "",
        };
    }

    private static string? Scope(string key, string? value)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        return value.Length <= TextLimits.Short && TextLimits.Shorten(value, TextLimits.Short) == value
            ? value
            : throw new EventRefusedException(key, $"is longer than {TextLimits.Short} characters or holds text the store cannot keep.");
    }

    private static string Describe(TimelineEvent e) =>
        $"'{e.Label}' {e.Start:yyyy-MM-dd}" + (e.IsSingleDay ? "" : $" to {e.End:yyyy-MM-dd}") +
        (e.Category is null ? "" : $", category {e.Category}") + (e.State is null ? "" : $", state {e.State}") +
        (e.ExcludeFromModels ? ", left out of models" : "");
}
