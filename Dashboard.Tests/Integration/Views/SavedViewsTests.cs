using Dashboard.Core.Data;
using Dashboard.Core.Users;
using Dashboard.Core.Views;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Integration.Views;

/// <summary>Saved views on each store (schema step 14): who sees, changes and starts on which view, and what is audited.</summary>
public abstract class SavedViewsTests(StoreProvider provider) : StoreTest(provider), IDisposable
{
    private TempDatabase? _db;

    private TempDatabase Db => _db ??= NewDatabase();

    public void Dispose()
    {
        _db?.Dispose();
        GC.SuppressFinalize(this);
    }

    private (SavedViews Views, AuditLog Audit, UserService Users) Services()
    {
        var audit = new AuditLog(Db.Contexts(), TimeProvider.System, NullLogger<AuditLog>.Instance);
        var users = new UserService(Db.Contexts(), Options.Create(new AuthOptions()), audit, TimeProvider.System);
        return (new SavedViews(Db.Contexts(), audit, TimeProvider.System), audit, users);
    }

    [Fact]
    public async Task APrivateViewIsSeenOnlyByItsOwnerAndASharedOneByEveryoneWhoseRoleOpensItsPage()
    {
        var (views, _, users) = Services();
        var ana = await users.CreateAsync("ana", TestUsers.Password, Role.Analyst, "test");
        var bob = await users.CreateAsync("bob", TestUsers.Password, Role.Analyst, "test");
        var vic = await users.CreateAsync("vic", TestUsers.Password, Role.Viewer, "test");

        var mine = await views.CreateAsync(ana, new ViewInput("Kurta rows", "/orders/rows", "?category=kurta&sort=amount&dir=desc", Shared: false));
        var shared = await views.CreateAsync(ana, new ViewInput("Sets, shared", "orders/rows", "category=Set", Shared: true));
        var overview = await views.CreateAsync(ana, new ViewInput("Shipped overview", "", "status=Shipped", Shared: true));

        Assert.Equal("orders/rows?category=kurta&sort=amount&dir=desc", mine.Url);
        Assert.Equal("orders", overview.Page);
        Assert.Equal(["Kurta rows", "Sets, shared", "Shipped overview"], (await views.ListAsync(ana)).Select(v => v.Name));
        Assert.Equal(["Sets, shared", "Shipped overview"], (await views.ListAsync(bob)).Select(v => v.Name));
        // a viewer cannot open the rows explorer: its shared view is not offered
        Assert.Equal(["Shipped overview"], (await views.ListAsync(vic)).Select(v => v.Name));
        Assert.All(await views.ListAsync(bob), v => Assert.False(v.CanChange));
        Assert.Null(await views.FindAsync(bob, mine.Id));
        Assert.Equal("ana", (await views.FindAsync(bob, shared.Id))!.Owner);
    }

    [Fact]
    public async Task OnlyTheOwnerOrAnAdminForASharedViewRenamesOrDeletesIt()
    {
        var (views, _, users) = Services();
        var ana = await users.CreateAsync("ana", TestUsers.Password, Role.Analyst, "test");
        var bob = await users.CreateAsync("bob", TestUsers.Password, Role.Analyst, "test");
        var root = await users.CreateAsync("root", TestUsers.Password, Role.Admin, "test");
        var shared = await views.CreateAsync(ana, new ViewInput("Shared", "weekly", "week=2022-06-20", Shared: true));
        var secret = await views.CreateAsync(ana, new ViewInput("Secret", "weekly", "", Shared: false));

        var other = await Assert.ThrowsAsync<ViewRefusedException>(() => views.ChangeAsync(bob, shared.Id, new ViewChange(Name: "Mine now")));
        Assert.Equal(ViewRefusal.Forbidden, other.Refusal);
        Assert.Equal(ViewRefusal.Forbidden, (await Assert.ThrowsAsync<ViewRefusedException>(() => views.DeleteAsync(bob, shared.Id))).Refusal);
        // someone else's private view does not exist for anyone else, admins included
        Assert.Equal(ViewRefusal.NotFound, (await Assert.ThrowsAsync<ViewRefusedException>(() => views.DeleteAsync(root, secret.Id))).Refusal);
        Assert.Equal(ViewRefusal.NotFound, (await Assert.ThrowsAsync<ViewRefusedException>(() => views.ChangeAsync(bob, secret.Id, new ViewChange("x")))).Refusal);

        var renamed = await views.ChangeAsync(root, shared.Id, new ViewChange(Name: "Renamed by an admin"));
        Assert.Equal("Renamed by an admin", renamed.Name);
        Assert.Equal("ana", renamed.Owner);
        await views.ChangeAsync(ana, secret.Id, new ViewChange(Shared: true));
        Assert.Contains(await views.ListAsync(bob), v => v.Id == secret.Id);
        await views.DeleteAsync(root, shared.Id);
        Assert.Equal([secret.Id], (await views.ListAsync(ana)).Select(v => v.Id));
    }

    [Theory]
    [InlineData("", "weekly", "", "needs a name")]
    [InlineData("A name", "users", "", "not a page")]
    [InlineData("A name", "https://evil.example/", "", "not a page")]
    [InlineData("A name", "weekly", "a=1#frag", "URL-escaped")]
    [InlineData("A name", "weekly", "a=b c", "URL-escaped")]
    public async Task ABadViewIsRefusedWithTheReason(string name, string page, string query, string reason)
    {
        var (views, _, users) = Services();
        var ana = await users.CreateAsync("ana", TestUsers.Password, Role.Analyst, "test");
        var refused = await Assert.ThrowsAsync<ViewRefusedException>(() => views.CreateAsync(ana, new ViewInput(name, page, query, false)));
        Assert.Equal(ViewRefusal.Invalid, refused.Refusal);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Empty(await views.ListAsync(ana));
    }

    [Fact]
    public async Task TwoViewsOfOneOwnerCannotShareANameAndAViewerCannotKeepARowsView()
    {
        var (views, _, users) = Services();
        var ana = await users.CreateAsync("ana", TestUsers.Password, Role.Analyst, "test");
        var vic = await users.CreateAsync("vic", TestUsers.Password, Role.Viewer, "test");
        await views.CreateAsync(ana, new ViewInput("Weekly", "weekly", "", false));
        Assert.Contains("already have", (await Assert.ThrowsAsync<ViewRefusedException>(() =>
            views.CreateAsync(ana, new ViewInput("weekly", "orders", "", false)))).Message, StringComparison.Ordinal);
        Assert.Contains("cannot open", (await Assert.ThrowsAsync<ViewRefusedException>(() =>
            views.CreateAsync(vic, new ViewInput("Rows", "orders/rows", "", false)))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStartPageIsTheUsersOwnAndGoesWithItsViewAndEveryChangeIsAudited()
    {
        var (views, audit, users) = Services();
        var ana = await users.CreateAsync("ana", TestUsers.Password, Role.Analyst, "test");
        var bob = await users.CreateAsync("bob", TestUsers.Password, Role.Analyst, "test");
        var shared = await views.CreateAsync(ana, new ViewInput("Sets", "orders/rows", "category=Set", Shared: true));
        Assert.Null(await views.StartUrlAsync(bob));

        await views.SetStartAsync(bob, shared.Id);
        Assert.Equal("orders/rows?category=Set", await views.StartUrlAsync(bob));
        Assert.Null(await views.StartUrlAsync(ana));
        Assert.True((await views.FindAsync(bob, shared.Id))!.IsStart);

        // unshared, it is no longer bob's to start on; deleted, it is nobody's
        await views.ChangeAsync(ana, shared.Id, new ViewChange(Shared: false));
        Assert.Null(await views.StartUrlAsync(bob));
        await views.SetStartAsync(ana, shared.Id);
        await views.DeleteAsync(ana, shared.Id);
        Assert.Null(await views.StartUrlAsync(ana));
        Assert.Equal(0, Db.Scalar("SELECT COUNT(*) FROM start_views"));

        var actions = (await audit.RecentAsync()).Select(e => (e.UserName, e.Action)).Reverse().ToList();
        Assert.Equal([("ana", SavedViews.Actions.Saved), ("bob", SavedViews.Actions.StartSet), ("ana", SavedViews.Actions.Changed),
            ("ana", SavedViews.Actions.StartSet), ("ana", SavedViews.Actions.Deleted)], actions.Where(a => a.UserName != "test"));
    }

    [Fact]
    public async Task DeletingAUserTakesTheirViewsAndStartPageWithThem()
    {
        var (views, _, users) = Services();
        var ana = await users.CreateAsync("ana", TestUsers.Password, Role.Analyst, "test");
        var view = await views.CreateAsync(ana, new ViewInput("Mine", "orders", "", false));
        await views.SetStartAsync(ana, view.Id);
        using (var connection = Db.Store.OpenConnection())
        {
            using var command = connection.CreateCommand();
            command.CommandText = (Provider == StoreProvider.Sqlite ? "PRAGMA foreign_keys = ON; " : "") + $"DELETE FROM users WHERE id = {ana.Id}";
            command.ExecuteNonQuery();
        }
        Assert.Equal(0, Db.Scalar("SELECT COUNT(*) FROM saved_views") + Db.Scalar("SELECT COUNT(*) FROM start_views"));
    }
}

public sealed class SavedViewsOnSqliteTests() : SavedViewsTests(StoreProvider.Sqlite);

public sealed class SavedViewsOnPostgreSqlTests() : SavedViewsTests(StoreProvider.PostgreSql);
