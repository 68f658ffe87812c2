using Dashboard.Core.Data;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Integration.Users;

/// <summary>
/// Exactly one first admin, however many ask at once: from the setup page of one instance, of two instances sharing
/// the store (two services, each with its own in-process lock), and from the <c>Auth:Admin</c> settings at a start.
/// </summary>
public abstract class FirstAdminTests(StoreProvider provider) : StoreTest(provider), IDisposable
{
    private readonly TempDatabase _db = new(provider: provider);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task FiftyConcurrentSetupsOnTwoInstancesCreateOneAdmin()
    {
        var instances = new[] { NewService(), NewService() };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            try
            {
                await instances[i % 2].CreateFirstAdminAsync($"owner-{i}", "owner-password-1", "127.0.0.1");
                return "created";
            }
            catch (UserChangeRefusedException refused)
            {
                return refused.Message;
            }
        })));

        Assert.Single(outcomes, o => o == "created");
        Assert.All(outcomes.Where(o => o != "created"), o => Assert.Equal("An admin already exists: sign in instead.", o));
        var users = await NewService().ListAsync();
        Assert.Single(users);
        Assert.Equal(Role.Admin, users[0].Role);
    }

    [Fact]
    public async Task TheConfiguredAdminAndTheSetupPageOfAnotherInstanceMakeOneAdminBetweenThem()
    {
        var starting = Enumerable.Range(0, 10).Select(i => NewService(configuredAdmin: $"configured-{i}")).ToList();
        var setup = NewService();

        var configured = starting.Select(s => Task.Run(() => s.EnsureConfiguredAdminAsync())).ToList();
        var fromSetup = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            try
            {
                await setup.CreateFirstAdminAsync($"owner-{i}", "owner-password-1", null);
                return true;
            }
            catch (UserChangeRefusedException)
            {
                return false;
            }
        })).ToList();
        var created = (await Task.WhenAll(configured)).Count(c => c) + (await Task.WhenAll(fromSetup)).Count(c => c);

        Assert.Equal(1, created);
        Assert.Single(await setup.ListAsync());
    }

    [Fact]
    public async Task AfterTheFirstAdminTheSetupIsRefusedAndTheConfiguredAdminIsNotAdded()
    {
        await NewService().CreateFirstAdminAsync("owner", "owner-password-1", null);

        var refused = await Assert.ThrowsAsync<UserChangeRefusedException>(() => NewService().CreateFirstAdminAsync("second", "second-password-1", null));
        Assert.Contains("already exists", refused.Message);
        Assert.False(await NewService(configuredAdmin: "configured").EnsureConfiguredAdminAsync());
        Assert.Equal(["owner"], (await NewService().ListAsync()).Select(u => u.UserName));
    }

    [Fact]
    public async Task ConcurrentAddsOfOneNameOnTwoInstancesAddItOnce()
    {
        await NewService().CreateFirstAdminAsync("owner", "owner-password-1", null);
        var instances = new[] { NewService(), NewService() };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                await instances[i % 2].CreateAsync(i % 3 == 0 ? "ANA" : "ana", "ana-password-1", Role.Viewer, actor: "owner");
                return "added";
            }
            catch (UserChangeRefusedException refused)
            {
                return refused.Message;
            }
        })));

        Assert.Single(outcomes, o => o == "added");
        Assert.All(outcomes.Where(o => o != "added"), o => Assert.Contains("already a user named", o));
        Assert.Equal(2, (await NewService().ListAsync()).Count);
    }

    /// <summary>A service as an instance of the app has one: its own cache and its own in-process write lock.</summary>
    private UserService NewService(string? configuredAdmin = null)
    {
        var contexts = _db.Contexts();
        var options = new AuthOptions { AdminUserName = configuredAdmin, AdminPassword = configuredAdmin is null ? null : "configured-password-1" };
        return new UserService(contexts, Microsoft.Extensions.Options.Options.Create(options), new AuditLog(contexts, TimeProvider.System, NullLogger<AuditLog>.Instance), TimeProvider.System);
    }
}

public sealed class FirstAdminOnSqliteTests() : FirstAdminTests(StoreProvider.Sqlite);

public sealed class FirstAdminOnPostgreSqlTests() : FirstAdminTests(StoreProvider.PostgreSql);
