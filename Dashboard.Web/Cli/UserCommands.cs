using System.CommandLine;
using System.Text.Json;
using Dashboard.Core.Users;

namespace Dashboard.Web.Cli;

/// <summary>
/// The user verbs: <c>users</c>, and, for an operator with access to the server, <c>add-user NAME ROLE</c> and
/// <c>reset-password NAME</c>. A password comes from standard input, never from the command line, where other users of
/// the machine could read it.
/// </summary>
internal static class UserCommands
{
    private const string Actor = "command line";

    public static Command List() =>
        new Command("users", "List the users who can sign in (no passwords) as JSON.").RunsInHost((_, services) => ListAsync(services));

    public static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "The name the user signs in with." };
        var role = new Argument<Role>("ROLE") { HelpName = "ROLE", Description = "Viewer, Analyst or Admin." };
        var add = new Command("add-user", """
            Add a user (ROLE: Viewer, Analyst or Admin); the password is read from the
            first line of standard input.
            """) { name, role };
        return add.RunsInHost((parse, services) => ChangeAsync(services, "add-user",
            (users, password) => users.CreateAsync(parse.GetRequiredValue(name), password, parse.GetValue(role), Actor)));
    }

    public static Command ResetPassword()
    {
        var name = new Argument<string>("NAME") { Description = "The user's name (in any case)." };
        var reset = new Command("reset-password", """
            Set a user's password (read from the first line of standard input) and
            unlock the account: the way back in when the only admin has forgotten theirs.
            """) { name };
        return reset.RunsInHost((parse, services) => ChangeAsync(services, "reset-password",
            (users, password) => ResetAsync(users, parse.GetRequiredValue(name), password)));
    }

    private static async Task<int> ListAsync(IServiceProvider services)
    {
        var users = await services.GetRequiredService<UserService>().ListAsync();
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
        {
            users = users.Select(u => new { u.UserName, u.Role, u.IsDisabled, u.LockedUntil, u.CreatedAt, u.LastSignInAt }),
        }, CliJson.Options));
        return 0;
    }

    /// <summary>Reads the password from standard input, makes the <paramref name="change"/> and prints the user.</summary>
    private static async Task<int> ChangeAsync(IServiceProvider services, string verb, Func<UserService, string, Task<UserAccount>> change)
    {
        var password = await Console.In.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("Give the password on the first line of standard input.");
            return DashboardCommandLine.UsageError;
        }
        try
        {
            var user = await change(services.GetRequiredService<UserService>(), password);
            // The audit entry may be queued behind the web app's import: the process must not end before it is stored.
            await services.GetRequiredService<AuditLog>().FlushAsync(TimeSpan.FromMinutes(5));
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { user.UserName, user.Role, user.IsDisabled, done = verb }, CliJson.Options));
            return 0;
        }
        catch (UserChangeRefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 1;
        }
    }

    private static async Task<UserAccount> ResetAsync(UserService users, string name, string password)
    {
        var existing = (await users.ListAsync()).FirstOrDefault(u => string.Equals(u.UserName, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UserChangeRefusedException($"There is no user named '{name}'.");
        return await users.ResetPasswordAsync(existing.Id, password, actor: Actor);
    }
}
