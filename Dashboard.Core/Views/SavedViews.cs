using Dashboard.Core.Data;
using Dashboard.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Views;

/// <summary>
/// Saved views: a user names a page with its state, keeps it private or shares it with everyone, renames and deletes it,
/// and may make one (their own or a shared one) their start page. Only the owner changes a view, or an admin a shared one;
/// someone else's private view is invisible (not found). A reader sees only views of pages their role opens. Every change
/// is audited. The caller passes the acting user as the store has them now (see <c>CurrentUser.RequireAsync</c>).
/// </summary>
public sealed class SavedViews(IDbContextFactory<DashboardDbContext> contexts, AuditLog audit, TimeProvider clock)
{
    public const int MaxNameLength = 80;
    public const int MaxQueryLength = 2000;
    public const int MaxViewsPerUser = 100;

    public static class Actions
    {
        public const string Saved = "view saved";
        public const string Changed = "view changed";
        public const string Deleted = "view deleted";
        public const string StartSet = "start page set";
        public const string StartCleared = "start page cleared";
    }

    /// <summary>The actor's own views and everyone's shared ones that the actor's role opens, the actor's first, by name.</summary>
    public async Task<IReadOnlyList<ViewSummary>> ListAsync(UserAccount actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var start = await StartIdAsync(db, actor.Id, cancellationToken);
        var rows = await (from v in db.Set<SavedView>()
                          join u in db.Users on v.OwnerId equals u.Id
                          where v.OwnerId == actor.Id || v.IsShared
                          select new { View = v, Owner = u.UserName }).ToListAsync(cancellationToken);
        return rows.Where(r => ViewPages.Opens(actor, r.View.Page))
            .Select(r => Summary(actor, r.View, r.Owner, start))
            .OrderByDescending(v => v.Mine).ThenBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(v => v.Id)
            .ToList();
    }

    /// <summary>One view the actor can see, or null.</summary>
    public async Task<ViewSummary?> FindAsync(UserAccount actor, long id, CancellationToken cancellationToken = default) =>
        (await ListAsync(actor, cancellationToken)).FirstOrDefault(v => v.Id == id);

    /// <summary>Saves a new view of the actor's.</summary>
    public async Task<ViewSummary> CreateAsync(UserAccount actor, ViewInput input, string? address = null, CancellationToken cancellationToken = default)
    {
        var name = CheckName(input.Name);
        var page = ViewPages.Find(input.Page)
            ?? throw Invalid($"'{input.Page}' is not a page a view can keep; one of: {string.Join(", ", ViewPages.All.Keys)}.");
        if (!ViewPages.Opens(actor, page))
        {
            throw Invalid($"Your role cannot open {page}, so you cannot keep a view of it.");
        }
        var query = CheckQuery(input.Query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.Set<SavedView>().Where(v => v.OwnerId == actor.Id).Select(v => v.Name).ToListAsync(cancellationToken);
        if (names.Count >= MaxViewsPerUser)
        {
            throw Invalid($"You have {MaxViewsPerUser} views, the most one person may keep: delete one first.");
        }
        CheckUnique(names, name);
        var now = clock.GetUtcNow();
        var view = new SavedView { OwnerId = actor.Id, Name = name, Page = page, Query = query, IsShared = input.Shared, CreatedAt = now, UpdatedAt = now };
        db.Add(view);
        await WriteAsync(db, cancellationToken);
        await audit.RecordAsync(actor.UserName, Actions.Saved, Describe(view), address, cancellationToken);
        return Summary(actor, view, actor.UserName, start: null);
    }

    /// <summary>Renames a view, shares or unshares it, or gives it a new query string.</summary>
    public async Task<ViewSummary> ChangeAsync(UserAccount actor, long id, ViewChange change, string? address = null, CancellationToken cancellationToken = default)
    {
        var name = change.Name is null ? null : CheckName(change.Name);
        var query = change.Query is null ? null : CheckQuery(change.Query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var view = await ChangeableAsync(db, actor, id, cancellationToken);
        if (name is not null && !string.Equals(name, view.Name, StringComparison.Ordinal))
        {
            CheckUnique(await db.Set<SavedView>().Where(v => v.OwnerId == view.OwnerId && v.Id != id).Select(v => v.Name).ToListAsync(cancellationToken), name);
        }
        var before = Describe(view);
        view.Name = name ?? view.Name;
        view.IsShared = change.Shared ?? view.IsShared;
        view.Query = query ?? view.Query;
        view.UpdatedAt = clock.GetUtcNow();
        await WriteAsync(db, cancellationToken);
        await audit.RecordAsync(actor.UserName, Actions.Changed, $"{before} → {Describe(view)}", address, cancellationToken);
        var owner = await db.Users.Where(u => u.Id == view.OwnerId).Select(u => u.UserName).FirstAsync(cancellationToken);
        return Summary(actor, view, owner, await StartIdAsync(db, actor.Id, cancellationToken));
    }

    /// <summary>Deletes a view; it stops being anyone's start page.</summary>
    public async Task DeleteAsync(UserAccount actor, long id, string? address = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var view = await ChangeableAsync(db, actor, id, cancellationToken);
        db.Remove(view);
        await StoreBusy.WriteAsync(async () =>
        {
            // also anyone's start page on it (the foreign key's cascade does it too, where the store enforces it)
            await db.Set<StartView>().Where(s => s.ViewId == id).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }, message => new ViewRefusedException(ViewRefusal.Busy, message));
        await audit.RecordAsync(actor.UserName, Actions.Deleted, Describe(view), address, cancellationToken);
    }

    /// <summary>Makes a view the actor can see their start page; null clears it (the root opens the overview again).</summary>
    public async Task SetStartAsync(UserAccount actor, long? id, string? address = null, CancellationToken cancellationToken = default)
    {
        var view = id is { } viewId
            ? await FindAsync(actor, viewId, cancellationToken) ?? throw NotFound()
            : null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var start = await db.Set<StartView>().AsTracking().FirstOrDefaultAsync(s => s.UserId == actor.Id, cancellationToken);
        if (view is null)
        {
            if (start is not null)
            {
                db.Remove(start);
            }
        }
        else if (start is null)
        {
            db.Add(new StartView { UserId = actor.Id, ViewId = view.Id });
        }
        else
        {
            start.ViewId = view.Id;
        }
        await WriteAsync(db, cancellationToken);
        await audit.RecordAsync(actor.UserName, view is null ? Actions.StartCleared : Actions.StartSet, view?.Name, address, cancellationToken);
    }

    /// <summary>The address of the user's start page (<c>orders/rows?…</c>), or null when they have none they may still open.</summary>
    public async Task<string?> StartUrlAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var view = await (from s in db.Set<StartView>()
                          join v in db.Set<SavedView>() on s.ViewId equals v.Id
                          where s.UserId == user.Id && (v.OwnerId == user.Id || v.IsShared)
                          select v).FirstOrDefaultAsync(cancellationToken);
        return view is not null && ViewPages.Opens(user, view.Page) ? Summary(user, view, "", null).Url : null;
    }

    /// <summary>The view, when the actor may change it: the owner, or an admin when it is shared.</summary>
    private static async Task<SavedView> ChangeableAsync(DashboardDbContext db, UserAccount actor, long id, CancellationToken cancellationToken)
    {
        var view = await db.Set<SavedView>().AsTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (view is null || (view.OwnerId != actor.Id && !view.IsShared))
        {
            throw NotFound();
        }
        return view.OwnerId == actor.Id || actor.Can(Role.Admin) ? view
            : throw new ViewRefusedException(ViewRefusal.Forbidden, "Only its owner, or an admin, can change or delete a shared view.");
    }

    private static Task<long?> StartIdAsync(DashboardDbContext db, long userId, CancellationToken cancellationToken) =>
        db.Set<StartView>().Where(s => s.UserId == userId).Select(s => (long?)s.ViewId).FirstOrDefaultAsync(cancellationToken);

    private static ViewSummary Summary(UserAccount actor, SavedView v, string owner, long? start) =>
        new(v.Id, v.Name, v.Page, v.Query, v.IsShared, owner, v.OwnerId == actor.Id,
            v.OwnerId == actor.Id || (v.IsShared && actor.Can(Role.Admin)), start == v.Id, v.CreatedAt, v.UpdatedAt);

    private static string CheckName(string? name)
    {
        name = name?.Trim() ?? "";
        if (name.Length == 0)
        {
            throw Invalid("A view needs a name.");
        }
        if (name.Length > MaxNameLength)
        {
            throw Invalid($"A view's name has at most {MaxNameLength} characters.");
        }
        return name.Any(char.IsControl) ? throw Invalid("A view's name cannot hold control characters.") : name;
    }

    /// <summary>The query string without its <c>?</c>: bounded, without a fragment, control characters or spaces (URL-escaped text only).</summary>
    private static string CheckQuery(string? query)
    {
        query = (query ?? "").Trim().TrimStart('?');
        if (query.Length > MaxQueryLength)
        {
            throw Invalid($"A view's query string has at most {MaxQueryLength} characters.");
        }
        return query.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '#')
            ? throw Invalid("A view's query string must be URL-escaped: no spaces, control characters or '#'.")
            : query;
    }

    private static void CheckUnique(IEnumerable<string> names, string name)
    {
        if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw Invalid($"You already have a view named '{name}'.");
        }
    }

    private static Task WriteAsync(DashboardDbContext db, CancellationToken cancellationToken) =>
        StoreBusy.WriteAsync(() => db.SaveChangesAsync(cancellationToken), message => new ViewRefusedException(ViewRefusal.Busy, message));

    private static string Describe(SavedView v) => $"'{v.Name}' ({(v.IsShared ? "shared" : "private")}) /{v.Page}{(v.Query.Length > 0 ? "?" + v.Query : "")}";

    private static ViewRefusedException Invalid(string message) => new(ViewRefusal.Invalid, message);

    private static ViewRefusedException NotFound() => new(ViewRefusal.NotFound, "There is no such view (or it is someone else's private one).");
}
